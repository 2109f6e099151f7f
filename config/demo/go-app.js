// A vumigo_v02 toolkit app laid out as go-jsbox-template's build lays out go-app.js (src/*.js concatenated: the
// go namespace, go.utils, go.app, then go.init, which starts the InteractionMachine on the sandbox's api).
// Deploy it as a jsbox conversation's javascript; see the README.

var go = {};
go;

go.utils = {
    // Shared helpers, as the go-jsbox-template's src/utils.js holds them.
    greeting: function(name) {
        return 'Thanks, ' + name + '! You are registered.';
    }
};

go.app = function() {
    var vumigo = require('vumigo_v02');
    var App = vumigo.App;
    var Choice = vumigo.states.Choice;
    var ChoiceState = vumigo.states.ChoiceState;
    var EndState = vumigo.states.EndState;
    var FreeText = vumigo.states.FreeText;

    var GoApp = App.extend(function(self) {
        App.call(self, 'states:start');

        self.init = function() {
            return self.im.contacts.for_user().then(function(contact) {
                self.contact = contact;
            });
        };

        self.states.add('states:start', function(name) {
            return new ChoiceState(name, {
                question: 'Welcome to ' + self.im.config.name + '! What would you like?',
                choices: [
                    new Choice('states:register', 'Register'),
                    new Choice('states:count', 'Count my visits'),
                    new Choice('states:bye', 'Exit')],
                next: function(choice) {
                    if (choice.value !== 'states:count') {
                        return choice.value;
                    }
                    // side effects belong in next(): the toolkit creates the current state again on every message
                    return self.im.api_request('kv.incr', {key: 'visits.' + self.im.user.addr})
                        .then(function(reply) {
                            return {name: 'states:count', creator_opts: {visits: reply.value}};
                        });
                }
            });
        });

        self.states.add('states:register', function(name) {
            return new FreeText(name, {
                question: 'What is your name?',
                next: function(content) {
                    self.contact.name = content;
                    self.contact.extra.registered_by = self.im.config.name;
                    return self.im.contacts.save(self.contact)
                        .then(function() {
                            return self.im.metrics.fire.inc('registrations');
                        })
                        .then(function() {
                            return {name: 'states:registered', creator_opts: {name: content}};
                        });
                }
            });
        });

        self.states.add('states:registered', function(name, opts) {
            return new EndState(name, {
                text: go.utils.greeting(opts.name),
                next: 'states:start'
            });
        });

        self.states.add('states:count', function(name, opts) {
            return new EndState(name, {
                text: 'Visit number ' + opts.visits + '. Bye.',
                next: 'states:start'
            });
        });

        self.states.add('states:bye', function(name) {
            return new EndState(name, {
                text: 'Bye!',
                next: 'states:start'
            });
        });
    });

    return {
        GoApp: GoApp
    };
}();

go.init = function() {
    var vumigo = require('vumigo_v02');
    var InteractionMachine = vumigo.InteractionMachine;
    var GoApp = go.app.GoApp;


    return {
        im: new InteractionMachine(api, new GoApp())
    };
}();
