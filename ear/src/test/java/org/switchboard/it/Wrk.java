package org.switchboard.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A load from wrk (Debian's package), as the benchmarks drive it: what was accepted, refused, and how fast. */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** What a load got: answered 2xx, refused, the latencies, and the first refusal's status and body. */
    record Load(long accepted, long refused, double p50, double p99, String firstRefusal) {
    }

    private Wrk() {
    }

    /**
     * wrk with two threads and {@code connections} connections for {@code seconds}, each request to one of the
     * targets (paths on the platform, or one whole URL) at random, with a Lua script that sends the body ({@code %07d}
     * in it: a new number per request) and notes the first refusal.
     */
    static Load run(Path work, int connections, List<String> targets, String method, String auth, String body,
            int seconds) throws Exception {
        Path script = work.resolve("load.lua");
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = \"").append(method).append("\"\n");
        lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        if (auth != null) {
            lua.append("wrk.headers[\"Authorization\"] = \"").append(auth).append("\"\n");
        }
        String path = "nil";
        if (targets.size() > 1) {
            lua.append("local paths = {");
            targets.forEach(target -> lua.append('"').append(target).append("\", "));
            lua.append("}\n");
            path = "paths[math.random(#paths)]";
        }
        if (body != null && body.contains("%07d")) {
            lua.append("request = function()\n  return wrk.format(nil, ").append(path).append(", nil, ")
                    .append("string.format([[").append(body).append("]], math.random(0, 9999999)))\nend\n");
        } else {
            if (body != null) {
                lua.append("wrk.body = [[").append(body).append("]]\n");
            }
            if (targets.size() > 1) {
                lua.append("request = function()\n  return wrk.format(nil, ").append(path).append(")\nend\n");
            }
        }
        // the first refusal each thread meets, so that a run with refusals says what they were
        lua.append("local told = false\nresponse = function(status, headers, body)\n  if status >= 300 and not told"
                + " then\n    told = true\n    io.write(\"refused: \", status, \" \", string.sub(body, 1, 200), \"\\n\")\n"
                + "  end\nend\n");
        Files.writeString(script, lua);
        String first = targets.get(0);
        String url = first.startsWith("http") ? first : Platform.BASE + first;
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(seconds + 60L, TimeUnit.SECONDS);
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("wrk said: " + out);
        }
        long total = Math.round(Double.parseDouble(rate.group(1)) * seconds);
        Matcher refused = NON_2XX.matcher(out);
        long bad = refused.find() ? Long.parseLong(refused.group(1)) : 0;
        Matcher why = Pattern.compile("refused: (.*)").matcher(out);
        return new Load(total - bad, bad, percentile(out, "50%"), percentile(out, "99%"),
                why.find() ? why.group(1) : null);
    }

    private static double percentile(String wrk, String which) {
        Matcher m = Pattern.compile(Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)").matcher(wrk);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** Whether a program is on the PATH. */
    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
