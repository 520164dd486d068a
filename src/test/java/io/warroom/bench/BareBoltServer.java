package io.warroom.bench;

/**
 * The bare Bolt app of the benchmarks in a process of its own, so bench/memory.sh can measure its resident
 * memory beside Warroom's under the same load. Arguments: the fake Slack API's URL, the signing secret, the port.
 */
public final class BareBoltServer {

    private BareBoltServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BareBoltServer <slack-api-url> <signing-secret> <port>");
            System.exit(2);
        }
        var tomcat = BenchApps.bareBolt(args[0], args[1], Integer.parseInt(args[2]));
        System.out.println("Bare Bolt ready on port " + tomcat.getConnector().getLocalPort());
        tomcat.getServer().await();
    }
}
