package com.solduel.load;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CPU profile of a running server with async-profiler (the {@code tools.profiler:async-profiler}
 * jar from Maven Central, a test dependency; its native library is unpacked from the class path):
 * attach, sample every thread's CPU time for a while, write the stacks in collapsed form and print
 * where the time went. Unlike JFR's execution samples it sees native and kernel frames
 * (socket writes, thread parking, GC, the JIT) and samples every running thread, so its shares add
 * up to the process's CPU.
 *
 * <pre>
 *   CpuProfile record PID SECONDS OUT.collapsed   # attach, sample, write, summarize
 *   CpuProfile summary OUT.collapsed              # summarize a profile written before
 * </pre>
 */
public final class CpuProfile {

    /** What a sample was doing, decided by the first rule whose pattern one of its frames matches. */
    private static final List<Map.Entry<String, Pattern>> ACTIVITIES = List.of(
            Map.entry("JIT compiler threads", Pattern.compile("^CompileBroker::|C2Compiler|C1Compiler")),
            Map.entry("garbage collector threads", Pattern.compile("^G1|^GC|GCTaskThread|ConcurrentGCThread|WorkerThread::run|GangWorker")),
            Map.entry("REST requests (servlet path)", Pattern.compile("^com/ibm/ws/webcontainer/WebContainer\\.handleRequest$")),
            Map.entry("game socket frames in (GameEndpoint)", Pattern.compile("^com/solduel/ws/GameEndpoint\\.text$")),
            Map.entry("other socket frames in", Pattern.compile("^com/ibm/ws/wsoc/link/LinkRead\\.")),
            Map.entry("game timers (turn clocks, Redis mirror)", Pattern.compile("^com/solduel/game/live/GameTimers")),
            Map.entry("action log group commit", Pattern.compile("^com/solduel/game/live/ActionLogWriter\\.run$")),
            Map.entry("game ownership upkeep (leases, sweeps)", Pattern.compile("^com/solduel/game/live/OwnedGames\\$\\$Lambda")),
            Map.entry("matchmaking", Pattern.compile("^com/solduel/matchmaking/")),
            Map.entry("Liberty executor: threads parking for work", Pattern.compile("ConcurrentPriorityBlockingQueue\\.waitGet_$")),
            Map.entry("socket writes queued by async sends", Pattern.compile("^com/ibm/ws/tcpchannel/internal/SocketIOChannel\\.attemptWriteToSocket$")),
            Map.entry("socket reads and their dispatch", Pattern.compile("^com/ibm/ws/tcpchannel/internal/")),
            Map.entry("selector threads", Pattern.compile("^com/ibm/ws/tcpchannel/internal/ChannelSelector\\.run$")));

    private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$\\d+[./]0x[0-9a-f]+");

    private CpuProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && "record".equals(args[0])) {
            record(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            summarize(Path.of(args[3]));
        } else if (args.length == 2 && "summary".equals(args[0])) {
            summarize(Path.of(args[1]));
        } else {
            System.err.println("usage: CpuProfile record PID SECONDS OUT.collapsed | CpuProfile summary OUT.collapsed");
            System.exit(64);
        }
    }

    /** Profiles the JVM {@code pid} for {@code seconds} and writes its stacks to {@code out}. */
    public static void record(String pid, int seconds, Path out) throws Exception {
        String library = library().toString();
        agent(pid, library, "start,event=cpu,interval=1ms");
        System.out.printf("profiling pid %s for %d s (async-profiler, CPU time, 1 ms)...%n", pid, seconds);
        Thread.sleep(seconds * 1000L);
        agent(pid, library, "stop,collapsed,file=" + out.toAbsolutePath());
        System.out.println("stacks written to " + out);
    }

    /** async-profiler's library for this machine, unpacked once from its jar on the class path. */
    private static Path library() throws IOException {
        String platform = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64" -> "linux-arm64";
            default -> throw new IllegalStateException("async-profiler has no library for " + System.getProperty("os.arch"));
        };
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "solduel-async-profiler", platform, "libasyncProfiler.so");
        if (!Files.exists(file)) {
            try (InputStream in = CpuProfile.class.getResourceAsStream("/" + platform + "/libasyncProfiler.so")) {
                if (in == null) {
                    throw new IllegalStateException("tools.profiler:async-profiler is not on the class path (ear's test dependencies)");
                }
                Files.createDirectories(file.getParent());
                Path partial = Files.createTempFile(file.getParent(), "lib", ".so");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return file;
    }

    private static void agent(String pid, String library, String options) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            vm.loadAgentPath(library, options);
        } finally {
            vm.detach();
        }
    }

    /** One collapsed stack (root first) and how many samples it had. */
    private record Stack(List<String> frames, long samples) {
    }

    private static List<Stack> read(Path file) throws IOException {
        List<Stack> stacks = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (String frame : line.substring(0, space).split(";")) {
                // without async-profiler's frame-kind suffix and a lambda's per-run class address
                frames.add(LAMBDA.matcher(frame.replaceFirst("_\\[[a-z0-9]\\]$", "")).replaceFirst("\\$\\$Lambda"));
            }
            stacks.add(new Stack(frames, Long.parseLong(line.substring(space + 1).trim())));
        }
        return stacks;
    }

    /** Prints where a profile's CPU time went; returns the share of each activity in per cent. */
    public static Map<String, Double> summarize(Path file) throws IOException {
        List<Stack> stacks = read(file);
        long total = stacks.stream().mapToLong(Stack::samples).sum();
        if (total == 0) {
            System.out.println("no samples: was the server busy while it was profiled?");
            return Map.of();
        }
        Map<String, Long> activities = new LinkedHashMap<>();
        ACTIVITIES.forEach(rule -> activities.put(rule.getKey(), 0L));
        activities.put("other", 0L);
        Map<String, Long> kernelBy = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        long kernel = 0;
        for (Stack stack : stacks) {
            activities.merge(activity(stack.frames()), stack.samples(), Long::sum);
            String leaf = stack.frames().get(stack.frames().size() - 1);
            if (!isJava(leaf)) {
                String caller = stack.frames().stream().filter(CpuProfile::isJava).reduce((a, b) -> b).orElse(null);
                if (caller != null) {
                    kernel += stack.samples();
                    kernelBy.merge(caller, stack.samples(), Long::sum);
                }
            }
            Set<String> seen = new HashSet<>();
            for (String frame : stack.frames()) {
                if (frame.startsWith("com/solduel/") && !frame.contains("$Proxy$") && !frame.contains("EJSLocal")
                        && seen.add(frame)) {
                    inclusive.merge(frame, stack.samples(), Long::sum);
                }
            }
        }
        System.out.printf("%n%,d samples (1 ms of CPU each)%n%nwhat the CPU did:%n", total);
        activities.forEach((name, samples) -> System.out.printf("  %5.1f %%  %s%n", percent(samples, total), name));
        System.out.printf("%nnative and kernel code reached from Java (system calls, parking): %.1f %%; by the Java frame that entered it:%n",
                percent(kernel, total));
        top(kernelBy, total, 12);
        System.out.println("\nthe application's own methods (inclusive):");
        top(inclusive, total, 25);
        Map<String, Double> shares = new LinkedHashMap<>();
        activities.forEach((name, samples) -> shares.put(name, percent(samples, total)));
        return shares;
    }

    private static String activity(List<String> frames) {
        for (Map.Entry<String, Pattern> rule : ACTIVITIES) {
            for (String frame : frames) {
                if (rule.getValue().matcher(frame).find()) {
                    return rule.getKey();
                }
            }
        }
        return "other";
    }

    private static boolean isJava(String frame) {
        return frame.indexOf('/') > 0 && frame.indexOf('.') > 0;
    }

    private static void top(Map<String, Long> counts, long total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", percent(e.getValue(), total), e.getKey().replace('/', '.')));
    }

    private static double percent(long part, long total) {
        return 100.0 * part / total;
    }
}
