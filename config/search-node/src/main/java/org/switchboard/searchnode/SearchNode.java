package org.switchboard.searchnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts one OpenSearch node with the modules a Hibernate Search index needs (HTTP over Netty, the common analyzers)
 * and keeps it until the JVM is stopped. Arguments: the node's home directory (its data and logs below it), its HTTP
 * port, its transport port. One node, loopback only: {@code discovery.type: single-node}, no other node can join.
 */
public final class SearchNode extends Node {

    private static final Logger LOG = LogManager.getLogger(SearchNode.class);

    private SearchNode(Settings settings) {
        super(InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), null,
                () -> "switchboard-search"),
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("Give the node's home directory, HTTP port and transport port");
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "switchboard-search")
                .put("node.name", "switchboard-search")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", args[1])
                .put("transport.port", args[2])
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                // one node holds every shard: replicas would never be assigned and the indexes would stay yellow
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        LogConfigurator.configureWithoutConfig(settings);
        // to the console (the run script's runtime/search/node.log): OpenSearch's warnings and errors, this node's
        // start
        Configurator.setRootLevel(Level.WARN);
        Configurator.setLevel(SearchNode.class.getName(), Level.INFO);
        SearchNode node = new SearchNode(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                LOG.error("The search node did not close cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "switchboard-search-stop"));
        node.start();
        LOG.info("Started, HTTP on 127.0.0.1:{}", args[1]);
        stopped.await();
    }
}
