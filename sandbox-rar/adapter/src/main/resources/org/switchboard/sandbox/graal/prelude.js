// The sandbox side of the Vumi sandbox protocol, as sandboxer.js gave it to apps: the `api` object, command
// dispatch to api.on_<command>, CommonJS `require`, and an event loop (callbacks, timers) that the host steps
// through. It runs once per context; a warm context then serves many invocations of one app, each with a fresh
// `api`, while the modules the app required stay loaded.
(function (host) {
    'use strict';
    var global = globalThis;
    var modules = {};    // loaded modules by path: the require cache of this context
    var resolved = {};   // "dir\u0000request" -> path
    var run = null;      // the invocation being run: its api, callbacks, timers
    var maxJobs = 10000; // callbacks and timers one invocation may have waiting

    function dirname(path) {
        return path.substring(0, path.lastIndexOf('/')) || '/';
    }

    function notFound(request) {
        var error = new Error("Cannot find module '" + request + "'");
        error.code = 'MODULE_NOT_FOUND';
        return error;
    }

    function makeRequire(dir) {
        function require(request) {
            if (request === 'process' || request === 'node:process') {
                return process;
            }
            var path = resolve(request);
            var module = modules[path];
            if (module) {
                return module.exports;
            }
            module = {id: path, filename: path, exports: {}, loaded: false, children: []};
            module.require = require;
            modules[path] = module;
            try {
                host.compile(path).call(module.exports, module.exports, makeRequire(dirname(path)), module, path,
                    dirname(path));
            } catch (e) {
                delete modules[path];
                throw e;
            }
            module.loaded = true;
            return module.exports;
        }
        function resolve(request) {
            request = String(request);
            var cacheKey = dir + '\u0000' + request;
            var path = resolved[cacheKey];
            if (path === undefined) {
                path = host.resolve(dir, request);
                resolved[cacheKey] = path;
            }
            if (path === null) {
                throw notFound(request);
            }
            return path;
        }
        require.resolve = resolve;
        require.cache = modules;
        return require;
    }

    function warnUnknown(command) {
        this.log_warning('Received unknown command: ' + JSON.stringify(command));
    }

    function Run() {
        var self = this;
        var nextCmdId = 1;
        self.queue = [];      // callbacks ready to run, first in first out
        self.timers = [];     // pending timers, by due time
        self.timerSeq = 0;
        self.finished = false;

        var api = self.api = {
            request: function (cmd, msg, callback) {
                if (self !== run) {
                    throw new Error('api.request after the invocation ended');
                }
                var command = {};
                if (msg) {
                    Object.keys(msg).forEach(function (key) { command[key] = msg[key]; });
                }
                command.cmd = cmd;
                command.cmd_id = String(nextCmdId++);
                command.reply = false;
                var reply = JSON.parse(host.request(String(cmd), JSON.stringify(command)));
                reply.cmd = cmd;
                reply.cmd_id = command.cmd_id;
                reply.reply = true;
                self.enqueue(callback, [reply]);
            },
            done: function () {
                if (self === run) {
                    self.finished = true;
                    host.done();
                }
            },
            on_unknown_command: warnUnknown
        };
        ['debug', 'info', 'warning', 'error', 'critical'].forEach(function (level) {
            api['log_' + level] = function (msg, callback) {
                api.request('log.' + level, {msg: String(msg)}, callback);
            };
        });
    }
    Run.prototype.enqueue = function (fn, args) {
        if (typeof fn === 'function') {
            this.checkJobs();
            this.queue.push({fn: fn, args: args || []});
        }
    };
    // An event loop that grows without end ends the invocation (the host then stops it, whatever the app catches).
    Run.prototype.checkJobs = function () {
        if (this.queue.length + this.timers.length >= maxJobs) {
            throw new RangeError(host.jobsFull());
        }
    };

    // No way out of the sandbox: the shell built-ins that read files or evaluate other code are removed.
    ['load', 'loadWithNewGlobal', 'print', 'printErr', 'quit', 'read', 'readbuffer', 'readline', 'Graal']
        .forEach(function (name) { delete global[name]; });
    global.setTimeout = function (fn, ms) {
        run.checkJobs();
        var timer = {id: ++run.timerSeq, due: Date.now() + Math.max(0, Number(ms) || 0), fn: fn,
            args: Array.prototype.slice.call(arguments, 2)};
        run.timers.push(timer);
        return timer.id;
    };
    global.clearTimeout = function (id) {
        run.timers = run.timers.filter(function (timer) { return timer.id !== id; });
    };
    global.setInterval = function () {
        throw new Error('setInterval is not available in the sandbox: an invocation ends when its work is done');
    };
    global.clearInterval = function () {};
    global.setImmediate = function (fn) {
        run.enqueue(fn, Array.prototype.slice.call(arguments, 1));
        return 0;
    };
    global.clearImmediate = function () {};
    function logger(level) {
        return function () {
            run.api['log_' + level](Array.prototype.map.call(arguments, String).join(' '));
        };
    }
    global.console = {log: logger('info'), info: logger('info'), warn: logger('warning'), error: logger('error'),
        debug: logger('debug'), trace: logger('debug')};

    // What a module written for Node (0.10 to 20) expects to find: `global`, `process` (an empty environment,
    // nextTick on the invocation's event loop, nothing that reaches the host) and, when first used, `Buffer`
    // (feross/buffer, pure JavaScript, from the platform's module set).
    global.global = global;
    function noop() {}
    var process = {
        title: 'sandbox', version: 'v20.0.0', versions: {node: '20.0.0'}, arch: 'x64', platform: 'linux',
        release: {name: 'node'}, env: {}, argv: [], execArgv: [], pid: 1, browser: false,
        nextTick: function (fn) {
            if (typeof fn !== 'function') {
                throw new TypeError('process.nextTick needs a function');
            }
            run.enqueue(fn, Array.prototype.slice.call(arguments, 1));
        },
        cwd: function () { return '/'; },
        uptime: function () { return 0; },
        hrtime: function (previous) {
            var nanos = Date.now() * 1e6, seconds = Math.floor(nanos / 1e9), rest = nanos - seconds * 1e9;
            return previous ? [seconds - previous[0], rest - previous[1]] : [seconds, rest];
        },
        memoryUsage: function () { return {rss: 0, heapTotal: 0, heapUsed: 0, external: 0}; },
        emitWarning: noop, on: noop, once: noop, off: noop, removeListener: noop, removeAllListeners: noop,
        emit: function () { return false; }, listeners: function () { return []; },
        binding: function () { throw new Error('process.binding is not available in the sandbox'); },
        exit: function () { throw new Error('process.exit is not available in the sandbox: call api.done()'); },
        toString: function () { return '[object process]'; }
    };
    process.hrtime.bigint = function () { return BigInt(Date.now()) * 1000000n; };
    global.process = process;
    Object.defineProperty(global, 'Buffer', {
        configurable: true, enumerable: false,
        get: function () {
            var Buffer = makeRequire('/platform')('buffer').Buffer;
            Object.defineProperty(global, 'Buffer', {value: Buffer, writable: true, configurable: true});
            return Buffer;
        },
        set: function (value) {
            Object.defineProperty(global, 'Buffer', {value: value, writable: true, configurable: true});
        }
    });

    return {
        // Starts an invocation: a fresh api, the app's script run with this.api, then the command dispatched.
        invoke: function (mainPath, json, jobs) {
            maxJobs = jobs;
            run = new Run();
            var api = run.api;
            var sandbox = {api: api, require: makeRequire(dirname(mainPath))};
            host.compile(mainPath).call(sandbox, api, sandbox.require);
            var command = JSON.parse(json);
            var name = 'on_' + String(command.cmd).replace('.', '_').replace('-', '_');
            if (typeof api[name] === 'function') {
                api[name].call(api, command);
            } else if (name === 'on_inbound_event' && api.on_unknown_command === warnUnknown) {
                // every sent message has events: an app that listens for neither is not told, nor warned, and the
                // host hears so (it need not start this code for events again)
                api.done();
                return false;
            } else {
                api.on_unknown_command.call(api, command);
            }
            return true;
        },
        // Runs one callback or due timer. Answers -1 when nothing is left, 0 when it ran something, or how many
        // milliseconds to wait for the next timer.
        step: function () {
            if (run.finished) {
                return -1;
            }
            if (run.queue.length > 0) {
                var task = run.queue.shift();
                task.fn.apply(null, task.args);
                return 0;
            }
            if (run.timers.length > 0) {
                run.timers.sort(function (a, b) { return a.due - b.due || a.id - b.id; });
                var wait = run.timers[0].due - Date.now();
                if (wait > 0) {
                    return wait;
                }
                var timer = run.timers.shift();
                run.enqueue(timer.fn, timer.args);
                return 0;
            }
            return -1;
        }
    };
})
