// The sandbox side of the Vumi sandbox protocol, as sandboxer.js gave it to apps: the `api` object, command
// dispatch to api.on_<command>, and an event loop (callbacks, timers) that the host steps through.
(function (host) {
    'use strict';
    var global = globalThis;
    var queue = [];      // callbacks ready to run, first in first out
    var timers = [];     // pending timers on a virtual clock: they fire in order, without waiting
    var clock = 0;
    var timerSeq = 0;
    var nextCmdId = 1;
    var finished = false;

    function enqueue(fn, args) {
        if (typeof fn === 'function') {
            queue.push({fn: fn, args: args || []});
        }
    }

    var api = {
        request: function (cmd, msg, callback) {
            var command = {};
            if (msg) {
                Object.keys(msg).forEach(function (key) { command[key] = msg[key]; });
            }
            command.cmd = cmd;
            command.cmd_id = String(nextCmdId++);
            command.reply = false;
            var reply = JSON.parse(host.request(JSON.stringify(command)));
            reply.cmd = cmd;
            reply.cmd_id = command.cmd_id;
            reply.reply = true;
            enqueue(callback, [reply]);
        },
        done: function () {
            finished = true;
            host.done();
        },
        on_unknown_command: function (command) {
            api.log_warning('Received unknown command: ' + JSON.stringify(command));
        }
    };
    ['debug', 'info', 'warning', 'error', 'critical'].forEach(function (level) {
        api['log_' + level] = function (msg, callback) {
            api.request('log.' + level, {msg: String(msg)}, callback);
        };
    });

    function later(fn, ms, args) {
        var id = ++timerSeq;
        timers.push({id: id, due: clock + Math.max(0, Number(ms) || 0), fn: fn, args: args});
        return id;
    }
    function cancel(id) {
        timers = timers.filter(function (timer) { return timer.id !== id; });
    }

    // No way out of the sandbox: the shell built-ins that read files or evaluate other code are removed.
    ['load', 'loadWithNewGlobal', 'print', 'printErr', 'quit', 'read', 'readbuffer', 'readline', 'Graal']
        .forEach(function (name) { delete global[name]; });
    global.api = api;
    global.setTimeout = function (fn, ms) { return later(fn, ms, Array.prototype.slice.call(arguments, 2)); };
    global.clearTimeout = cancel;
    global.setImmediate = function (fn) { enqueue(fn, Array.prototype.slice.call(arguments, 1)); return 0; };
    global.clearImmediate = function () {};
    global.console = {
        log: function () { api.log_info(Array.prototype.join.call(arguments, ' ')); },
        info: function () { api.log_info(Array.prototype.join.call(arguments, ' ')); },
        warn: function () { api.log_warning(Array.prototype.join.call(arguments, ' ')); },
        error: function () { api.log_error(Array.prototype.join.call(arguments, ' ')); }
    };
    // Vumi Go's app_context gave apps a require that answered null outside its whitelist.
    global.require = function () { return null; };

    return {
        dispatch: function (json) {
            var command = JSON.parse(json);
            var name = 'on_' + String(command.cmd).replace('.', '_').replace('-', '_');
            var handler = typeof api[name] === 'function' ? api[name] : api.on_unknown_command;
            handler.call(api, command);
        },
        // Runs one callback or timer; answers whether there may be more to do.
        step: function () {
            if (finished) {
                return false;
            }
            if (queue.length > 0) {
                var task = queue.shift();
                task.fn.apply(null, task.args);
                return true;
            }
            if (timers.length > 0) {
                timers.sort(function (a, b) { return a.due - b.due || a.id - b.id; });
                var timer = timers.shift();
                clock = timer.due;
                enqueue(timer.fn, timer.args);
                return true;
            }
            return false;
        }
    };
})
