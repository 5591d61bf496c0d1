package org.aidmatch.load;

import java.util.Arrays;
import org.aidmatch.load.footprint.RestartTime;
import org.aidmatch.load.footprint.ViewFootprint;
import org.aidmatch.load.pipeline.PipelineBenchmark;
import org.aidmatch.load.rest.RestBenchmark;

/**
 * {@code java -jar aidmatch-load.jar pipeline [events]} or {@code ... rest [seconds]}: each starts its
 * own embedded broker, measures its baseline and AidMatch in the same run, and prints both.
 */
public final class LoadBenchmarks {

    private LoadBenchmarks() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (which) {
            case "pipeline" -> PipelineBenchmark.main(rest);
            case "rest" -> RestBenchmark.main(rest);
            case "footprint" -> ViewFootprint.main(rest);
            case "restart" -> RestartTime.main(rest);
            default -> {
                System.err.println(
                        "usage: java -jar aidmatch-load.jar pipeline [events] | rest [seconds] | footprint [items] | restart [events...]");
                System.exit(2);
            }
        }
    }
}
