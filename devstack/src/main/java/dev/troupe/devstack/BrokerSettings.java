package dev.troupe.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a single-node KRaft broker listens and keeps its data. Port 0 means "pick a free one".
 *
 * @param port the client (PLAINTEXT) port
 * @param controllerPort the KRaft controller port
 * @param dataDir log and metadata directory; an existing one is reused, so topics survive a restart
 * @param advertisedHost the host name clients are told to connect to
 */
public record BrokerSettings(int port, int controllerPort, Path dataDir, String advertisedHost) {

    public BrokerSettings withFreePorts() {
        return new BrokerSettings(FreePort.orPick(port), FreePort.orPick(controllerPort), dataDir, advertisedHost);
    }

    public String bootstrapServers() {
        return advertisedHost + ":" + port;
    }

    /** The command-line form read by {@link BrokerMain}. */
    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("--port=" + port);
        args.add("--controller-port=" + controllerPort);
        args.add("--data-dir=" + dataDir.toAbsolutePath());
        args.add("--advertised-host=" + advertisedHost);
        return args;
    }

    static BrokerSettings fromArgs(String[] args) {
        int port = 9092;
        int controllerPort = 0;
        Path dataDir = Path.of(".troupe", "data", "kafka");
        String host = "localhost";
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            switch (kv[0]) {
                case "--port" -> port = Integer.parseInt(kv[1]);
                case "--controller-port" -> controllerPort = Integer.parseInt(kv[1]);
                case "--data-dir" -> dataDir = Path.of(kv[1]);
                case "--advertised-host" -> host = kv[1];
                default -> throw new IllegalArgumentException("Unknown option " + kv[0]);
            }
        }
        return new BrokerSettings(port, controllerPort, dataDir, host);
    }
}
