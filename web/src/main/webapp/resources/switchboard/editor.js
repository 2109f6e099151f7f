/*
 * A code editor over a page's textarea (CodeMirror 5, served by the platform as a WebJar): line numbers, the
 * language's colours, matching brackets; what it holds is put back into the textarea before the form is sent.
 */
var Switchboard = window.Switchboard || {};
Switchboard.editor = (function () {
    var editors = [];

    function open(id, mode, readOnly) {
        var area = document.getElementById(id);
        if (!area || area.getAttribute('data-editor') === 'open' || !window.CodeMirror) {
            return;
        }
        area.setAttribute('data-editor', 'open');
        var editor = CodeMirror.fromTextArea(area, {
            mode: mode, lineNumbers: true, matchBrackets: true, autoCloseBrackets: true, indentUnit: 4,
            readOnly: readOnly, viewportMargin: Infinity
        });
        editor.on('change', function () {
            editor.save();
        });
        editors.push(editor);
    }

    function save() {
        for (var i = 0; i < editors.length; i++) {
            editors[i].save();
        }
    }

    return {open: open, save: save};
})();
