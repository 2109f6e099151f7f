// The demo app: answers every message with what it was sent and how many messages it has seen.
api.on_inbound_message = function (command) {
    var msg = command.msg;
    api.request('kv.incr', {key: 'echo.count'}, function (count) {
        api.request('outbound.reply_to', {
            content: 'echo #' + count.value + ': ' + msg.content,
            in_reply_to: msg.message_id,
            continue_session: false
        }, function () {
            api.done();
        });
    });
};
