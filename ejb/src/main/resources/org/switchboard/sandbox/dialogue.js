// The dialogue app the platform ships: it runs a dialogue conversation's poll (Vumi Go's dialogue JSON, its config
// key "poll") in the sandbox, so a survey needs no code. Written for Switchboard on the vumigo_v02 toolkit; what each
// state does is what Vumi Go's dialogue did (docs/campaigns.md):
//   choice    asks a question with numbered answers; the answer's value is stored, its choice's endpoint leads on
//   freetext  asks a question; the text is stored; its exit_endpoint leads on
//   end       says its text and ends the session (the poll starts again next time when poll_metadata.repeatable)
//   group     puts the contact in a group, then goes on at once (a group the account lost is logged and skipped)
//   send      sends its text over another channel type's endpoint, then goes on at once
//   httpjson  posts the answers so far to a URL (or GETs it), then goes on at once
// An answer is stored on the contact as extra[store_as] and, numbered, extra[store_as-N] (the Nth time answered).
// The connections join an endpoint (a choice's, or a state's exit_endpoint) to the next state's entry_endpoint.
var Q = require('q');
var vumigo = require('vumigo_v02');

var App = vumigo.App;
var Choice = vumigo.states.Choice;
var ChoiceState = vumigo.states.ChoiceState;
var FreeText = vumigo.states.FreeText;
var EndState = vumigo.states.EndState;
var InteractionMachine = vumigo.InteractionMachine;

var START = 'dialogue:start';
var LOST = 'dialogue:lost';

var DialogueApp = App.extend(function (self) {
    App.call(self, START);

    self.init = function () {
        return Q.all([self.im.sandbox_config.get('poll', {json: false}), self.im.contacts.for_user()])
            .spread(function (poll, contact) {
                self.poll = poll || {};
                self.poll.states = self.poll.states || [];
                self.poll.connections = self.poll.connections || [];
                self.poll.poll_metadata = self.poll.poll_metadata || {};
                self.contact = contact;
                self.poll.states.forEach(function (desc) {
                    self.states.add(desc.uuid, function () {
                        return self.build(desc);
                    });
                });
            });
    };

    /** The state whose entry endpoint the endpoint is connected to; LOST when it leads nowhere. */
    self.after = function (endpoint) {
        var uuid = endpoint && endpoint.uuid;
        var i, j;
        for (i = 0; i < self.poll.connections.length; i++) {
            var link = self.poll.connections[i];
            if (link.source && link.source.uuid === uuid && link.target) {
                for (j = 0; j < self.poll.states.length; j++) {
                    var state = self.poll.states[j];
                    if (state.entry_endpoint && state.entry_endpoint.uuid === link.target.uuid) {
                        return state.uuid;
                    }
                }
            }
        }
        return LOST;
    };

    /** Keeps an answer on the contact: the latest as extra[key], and each in turn as extra[key-N]. */
    self.answer = function (desc, value) {
        var key = desc.store_as || desc.uuid;
        var n = 1;
        while (self.contact.extra.hasOwnProperty(key + '-' + n)) {
            n++;
        }
        self.contact.extra[key] = value;
        self.contact.extra[key + '-' + n] = value;
        return self.im.contacts.save(self.contact);
    };

    self.build = function (desc) {
        var build = self.types[desc.type];
        if (!build) {
            self.im.log.warning('The poll has a state of an unknown type: ' + desc.type);
            return self.states.create(LOST);
        }
        return build(desc);
    };

    self.types = {};

    self.types.choice = function (desc) {
        var endpoints = desc.choice_endpoints || [];
        return new ChoiceState(desc.uuid, {
            question: desc.text,
            accept_labels: self.poll.accept_labels !== false,
            choices: endpoints.map(function (endpoint) {
                return new Choice(endpoint.value, endpoint.label);
            }),
            next: function (choice) {
                var chosen = endpoints.filter(function (endpoint) {
                    return endpoint.value === choice.value;
                })[0];
                return self.answer(desc, chosen.value).then(function () {
                    return self.after(chosen);
                });
            }
        });
    };

    self.types.freetext = function (desc) {
        return new FreeText(desc.uuid, {
            question: desc.text,
            next: function (content) {
                return self.answer(desc, content).then(function () {
                    return self.after(desc.exit_endpoint);
                });
            }
        });
    };

    self.types.end = function (desc) {
        return new EndState(desc.uuid, {
            text: desc.text,
            next: self.poll.poll_metadata.repeatable ? START : null
        });
    };

    self.types.group = function (desc) {
        var key = desc.group && desc.group.key;
        var joined = !key
            ? Q()
            : self.im.groups.get_by_key(key).then(function () {
                if (self.contact.groups.indexOf(key) < 0) {
                    self.contact.groups.push(key);
                    return self.im.contacts.save(self.contact);
                }
            }, function () {
                // the account has no such group (deleted since the poll was saved): the survey goes on without it
                return self.im.log.warning('Poll state "' + (desc.name || desc.uuid) + '": the account has no group '
                    + key + '; the contact was not added to it');
            });
        return joined.then(function () {
            return self.states.create(self.after(desc.exit_endpoint));
        });
    };

    self.types.send = function (desc) {
        var endpoint = desc.channel_type;
        (self.poll.channel_types || []).forEach(function (type) {
            if (type.name === desc.channel_type && type.label) {
                endpoint = type.label;
            }
        });
        return self.im.outbound.send({to: self.contact, content: desc.text, endpoint: endpoint})
            .then(null, function (e) {
                return self.im.log.warning('Poll state "' + (desc.name || desc.uuid) + '": not sent over '
                    + endpoint + ': ' + (e && e.message));
            })
            .then(function () {
                return self.states.create(self.after(desc.exit_endpoint));
            });
    };

    self.types.httpjson = function (desc) {
        var answers = {};
        self.poll.states.forEach(function (state) {
            if (self.im.user.answers.hasOwnProperty(state.uuid)) {
                answers[state.store_as || state.uuid] = self.im.user.answers[state.uuid];
            }
        });
        var http = new vumigo.http.api.JsonApi(self.im);
        var body = {user: {answers: answers}, contact: self.contact, conversation_key: self.poll.conversation_key};
        var request = desc.method === 'GET' ? http.get(desc.url) : http.request(desc.method || 'POST', desc.url,
            {data: body});
        return request
            .then(null, function (e) {
                return self.im.log.warning('Poll state "' + (desc.name || desc.uuid) + '": ' + (desc.method || 'POST')
                    + ' ' + desc.url + ' failed: ' + (e && e.message));
            })
            .then(function () {
                return self.states.create(self.after(desc.exit_endpoint));
            });
    };

    self.states.add(START, function () {
        var first = self.poll.start_state && self.poll.start_state.uuid;
        return self.states.create(first || LOST);
    });

    // where a poll that leads nowhere ends: the platform refuses such polls when they are stored, so only a poll
    // changed under a session in progress comes here
    self.states.add(LOST, function () {
        return new EndState(LOST, {text: 'Thank you.', next: START});
    });
});

if (typeof api !== 'undefined') {
    new InteractionMachine(api, new DialogueApp());
}
this.DialogueApp = DialogueApp;
