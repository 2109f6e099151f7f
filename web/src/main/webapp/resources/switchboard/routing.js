/*
 * The routing page's drawing (served by the platform): a line for each link between two ports, drawn again whenever the
 * table is rendered or the window changes size, and joining by clicks: an endpoint on the left, then one on the right,
 * fills the page's From and To and presses Join (the same request the two menus make).
 */
var Switchboard = window.Switchboard || {};
Switchboard.routing = (function () {
    var SVG = 'http://www.w3.org/2000/svg';
    var chosen = null;

    function port(key) {
        var all = document.querySelectorAll('.sb-port');
        for (var i = 0; i < all.length; i++) {
            if (all[i].getAttribute('data-port') === key) {
                return all[i];
            }
        }
        return null;
    }

    function draw() {
        var board = document.getElementById('routing-board');
        var svg = document.getElementById('wires');
        if (!board || !svg) {
            return;
        }
        while (svg.firstChild) {
            svg.removeChild(svg.firstChild);
        }
        var origin = board.getBoundingClientRect();
        svg.setAttribute('width', board.scrollWidth);
        svg.setAttribute('height', board.scrollHeight);
        var links = document.querySelectorAll('.sb-link');
        for (var i = 0; i < links.length; i++) {
            var from = port(links[i].getAttribute('data-left'));
            var to = port(links[i].getAttribute('data-right'));
            if (!from || !to) {
                continue;
            }
            var a = from.getBoundingClientRect();
            var b = to.getBoundingClientRect();
            var x1 = a.right - origin.left, y1 = a.top + a.height / 2 - origin.top;
            var x2 = b.left - origin.left, y2 = b.top + b.height / 2 - origin.top;
            var bend = Math.max(40, (x2 - x1) / 2);
            var path = document.createElementNS(SVG, 'path');
            path.setAttribute('d', 'M' + x1 + ',' + y1 + ' C' + (x1 + bend) + ',' + y1 + ' ' + (x2 - bend) + ','
                + y2 + ' ' + x2 + ',' + y2);
            path.setAttribute('class', links[i].getAttribute('data-both') === 'true' ? 'sb-wire' : 'sb-wire sb-one-way');
            svg.appendChild(path);
            from.classList.add('sb-wired');
            to.classList.add('sb-wired');
        }
        if (chosen) {
            var again = port(chosen);
            if (again) {
                again.classList.add('sb-chosen');
            }
        }
    }

    function choose(select, key) {
        var menu = document.getElementById(select);
        if (menu) {
            menu.value = key;
        }
    }

    document.addEventListener('click', function (event) {
        var target = event.target.closest ? event.target.closest('.sb-port') : null;
        if (!target || !document.getElementById('table:connect')) {
            return;
        }
        var key = target.getAttribute('data-port');
        if (target.getAttribute('data-side') === 'from') {
            chosen = key;
            choose('table:from', key);
            var marked = document.querySelectorAll('.sb-port.sb-chosen');
            for (var i = 0; i < marked.length; i++) {
                marked[i].classList.remove('sb-chosen');
            }
            target.classList.add('sb-chosen');
        } else if (chosen) {
            choose('table:from', chosen);
            choose('table:to', key);
            chosen = null;
            document.getElementById('table:connect').click();
        }
    });
    window.addEventListener('resize', draw);
    return {draw: draw};
})();
