package org.switchboard.it;

import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deployment group under test, made by {@code config/bin/switchboard start} with {@code SWITCHBOARD_INSTANCES}:
 * its instances by number (0 is i1), asked what they hold, killed with SIGKILL and started again as an operator
 * would, with asadmin.
 */
final class Group {

    private final Path runtime;
    private final int adminPort;
    private final List<Integer> ports;

    Group(Path runtime, int adminPort, List<Integer> ports) {
        this.runtime = runtime;
        this.adminPort = adminPort;
        this.ports = List.copyOf(ports);
    }

    /** The group the system properties name: switchboard.runtime, it.admin.port and it.instance.ports. */
    static Group fromSystemProperties() {
        return new Group(Path.of(System.getProperty("switchboard.runtime", "runtime")),
                Integer.getInteger("it.admin.port", 8048), instancePorts());
    }

    /** The instances' HTTP ports, from {@code it.instance.ports} (comma-separated; empty for one domain). */
    static List<Integer> instancePorts() {
        String ports = System.getProperty("it.instance.ports", "");
        return ports.isBlank()
                ? List.of()
                : Arrays.stream(ports.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    int size() {
        return ports.size();
    }

    List<Integer> ports() {
        return ports;
    }

    /** The instance's own address, not the balancer's. */
    String base(int instance) {
        return "http://127.0.0.1:" + ports.get(instance);
    }

    static String name(int instance) {
        return "i" + (instance + 1);
    }

    /** The leases an instance holds, as it says (none when it does not answer). */
    Set<String> leases(int instance) {
        Platform.Answer answer = Platform.requestAt(base(instance), "GET", "/api/admin/engine", Platform.ADMIN, null);
        if (answer.status() != 200) {
            return Set.of();
        }
        return answer.json().getJsonArray("leases").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }

    /** The instance that holds the lease, or -1 when none says it does. */
    int holder(String lease) {
        for (int k = 0; k < ports.size(); k++) {
            if (leases(k).contains(lease)) {
                return k;
            }
        }
        return -1;
    }

    /** Waits until an instance other than {@code dead} holds the lease, and says which. */
    int awaitHeldBesides(String lease, int dead, Duration timeout) {
        return Platform.eventually(timeout, () -> {
            for (int k = 0; k < ports.size(); k++) {
                if (k != dead && leases(k).contains(lease)) {
                    return k;
                }
            }
            return -1;
        }, k -> k >= 0, "an instance besides " + name(dead) + " to hold " + lease);
    }

    /** Kills the instance with SIGKILL, as a crash would, and waits until its process is gone. */
    void kill(int instance) throws Exception {
        Chaos.kill(pid(instance), "instance " + name(instance));
    }

    /**
     * Starts the instance again (asadmin start-instance) and waits until it says it is ready. On a busy machine
     * asadmin may give up waiting while the instance goes on starting (its "No response from the Instance Server after
     * 120 seconds" in a chaos run): the instance's readiness decides, asadmin's answer does not.
     */
    void start(int instance) throws Exception {
        String refused = asadminTry("start-instance", "--timeout", "600", name(instance));
        if (refused != null) {
            System.out.println("    asadmin start-instance " + name(instance) + " said: " + refused
                    + "; waiting for the instance itself");
        }
        Platform.eventually(Duration.ofMinutes(5),
                () -> Platform.requestAt(base(instance), "GET", "/health-checks/ready", null, null).status(),
                status -> status == 200, name(instance) + " to be ready after its restart");
    }

    /** Stops the instance as an operator would (asadmin stop-instance): it lets its leases go as it stops. */
    void stop(int instance) throws Exception {
        asadmin("stop-instance", name(instance));
    }

    /** The process id of the instance's JVM, as Payara wrote it. */
    long pid(int instance) throws java.io.IOException {
        return Long.parseLong(Files.readString(runtime.resolve("payara6/glassfish/nodes/localhost-switchboard/"
                + name(instance) + "/config/pid")).trim());
    }

    /** asadmin against the domain, as its admin (the password file the start script keeps). */
    private void asadmin(String... command) throws Exception {
        String refused = asadminTry(command);
        if (refused != null) {
            throw new IllegalStateException("asadmin " + String.join(" ", command) + " failed: " + refused);
        }
    }

    /** asadmin as above: null when it succeeded, else the last line it printed. */
    private String asadminTry(String... command) throws Exception {
        Path payara = runtime.resolve("payara6");
        List<String> line = new ArrayList<>(List.of("bash", payara.resolve("bin/asadmin").toString(),
                "--port", Integer.toString(adminPort), "--user", "admin", "--passwordfile",
                payara.resolve("glassfish/domains/switchboard/switchboard/asadmin.pass").toString()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() == 0) {
            return null;
        }
        String[] lines = out.strip().split("\n");
        return lines.length == 0 ? "(nothing)" : lines[lines.length - 1].strip();
    }
}
