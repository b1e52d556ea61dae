package clinic.threshold.bench;

import clinic.threshold.testing.TestClinic;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's start-up figures, each a whole new process on the same JVM and flags as the tests (headless Monocle):
 * from launch to the sign-in window, and on to the patient list of the large clinic after signing in; beside it the
 * floor, a minimal JavaFX program opening one window (target: within 1.5 times). p50 and p95 of 3 launches after one
 * warm-up launch (which also lets the operating system cache the files). Every launch runs from JARs, as an installed
 * app does, and then the app again with a class-data-sharing archive. Figures go to target/bench/startup.txt.
 */
class StartupBench {
    private static final int RUNS = 3;

    @Test
    void startUpAgainstAMinimalJavaFxProgram() throws Exception {
        List<String> out = new ArrayList<>();
        LargeClinic.open(new StringBuilder()).close();
        String dir = LargeClinic.DIR.toAbsolutePath().toString();
        List<String> app = List.of(StartupProbe.class.getName(), dir, TestClinic.TESTER, TestClinic.PASSWORD);
        List<String> floor = List.of(MinimalFx.Main.class.getName());
        launch(app, "LIST");
        launch(floor, "SHOWN");
        double[][] a = new double[RUNS][];
        double[] f = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            a[i] = launch(app, "LIST");
            f[i] = launch(floor, "SHOWN")[0];
        }
        double[] signIn = percentiles(java.util.Arrays.stream(a).mapToDouble(x -> x[0]).toArray());
        double[] list = percentiles(java.util.Arrays.stream(a).mapToDouble(x -> x[1]).toArray());
        double[] minimal = percentiles(f);
        out.add(String.format("minimal JavaFX window: p50 %.0f ms, p95 %.0f ms", minimal[0], minimal[1]));
        out.add(String.format("launch to the sign-in window: p50 %.0f ms, p95 %.0f ms; ratio to the minimal window %.2f%s", signIn[0],
                signIn[1], signIn[0] / minimal[0], signIn[0] / minimal[0] <= 1.5 ? "" : "  ** over 1.5x **"));
        out.add(String.format("launch, sign in, patient list of the large clinic shown: p50 %.0f ms, p95 %.0f ms (sign-in to list %.0f ms)",
                list[0], list[1], list[0] - signIn[0]));
        write(out);
        // The same with an application class-data-sharing archive (JDK 17 dynamic CDS), trained by one launch to the
        // sign-in window: what an installer could ship.
        Path jsa = LargeClinic.DIR.getParent().resolve("threshold.jsa").toAbsolutePath();
        Files.deleteIfExists(jsa);
        launch(List.of("-XX:ArchiveClassesAtExit=" + jsa), signInOnly(app), "SIGN_IN");
        if (!Files.exists(jsa)) {
            out.add("with a CDS archive: not measured (the training launch wrote no archive)");
            write(out);
            return;
        }
        List<String> cds = List.of("-XX:SharedArchiveFile=" + jsa);
        launch(cds, app, "LIST");
        double[] cdsSignIn = new double[RUNS];
        double[] cdsList = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            double[] m = launch(cds, app, "LIST");
            cdsSignIn[i] = m[0];
            cdsList[i] = m[1];
        }
        double[] s2 = percentiles(cdsSignIn);
        double[] l2 = percentiles(cdsList);
        out.add(String.format("with a CDS archive (%,d KB): sign-in window p50 %.0f ms, p95 %.0f ms (ratio %.2f); patient list p50 %.0f ms",
                Files.size(jsa) / 1024, s2[0], s2[1], s2[0] / minimal[0], l2[0]));
        write(out);
        out.forEach(System.out::println);
    }

    private static void write(List<String> out) throws java.io.IOException {
        Files.createDirectories(LargeClinic.DIR.getParent());
        Files.write(LargeClinic.DIR.getParent().resolve("startup.txt"), out);
    }

    private static List<String> signInOnly(List<String> app) {
        List<String> out = new ArrayList<>(app);
        out.add("sign-in-only");
        return out;
    }

    private static double[] launch(List<String> main, String last) throws Exception {
        return launch(List.of(), main, last);
    }

    /**
     * The test class path with each class folder packed into a JAR, as an installed app runs from JARs: JDK 17 makes a
     * class-data-sharing archive from JAR files only, and shares nothing while the class path holds a class folder.
     */
    private static String classPath() throws java.io.IOException {
        if (jarred != null) {
            return jarred;
        }
        Path dir = LargeClinic.DIR.getParent().resolve("startup-jars");
        Files.createDirectories(dir);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path folder = Path.of(entry);
            if (!Files.isDirectory(folder)) {
                out.add(entry);
                continue;
            }
            Path jar = dir.resolve((n++) + "-" + folder.getFileName() + ".jar");
            try (var jos = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); var walk = Files.walk(folder)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    jos.putNextEntry(new java.util.jar.JarEntry(folder.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
                    Files.copy(f, jos);
                    jos.closeEntry();
                }
            }
            out.add(jar.toAbsolutePath().toString());
        }
        jarred = String.join(java.io.File.pathSeparator, out);
        return jarred;
    }

    private static String jarred;

    /** Starts a JVM with {@code jvm} options on {@code main}; returns the milliseconds from launch to each line awaited. */
    private static double[] launch(List<String> jvm, List<String> main, String last) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath()));
        cmd.addAll(jvm);
        for (String flag : List.of("-Xmx1g", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US")) {
            cmd.add(flag);
        }
        cmd.addAll(main);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<Double> marks = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("SIGN_IN") || line.equals("LIST") || line.equals("SHOWN")) {
                    marks.add((System.nanoTime() - start) / 1e6);
                    if (line.equals(last)) {
                        break;
                    }
                } else if (seen.length() < 4000) {
                    seen.append(line).append('\n');
                }
            }
        }
        p.waitFor(); // the probe halts once it has seen what it waits for
        if (marks.isEmpty() || marks.size() < (last.equals("LIST") ? 2 : 1)) {
            throw new IllegalStateException("the process did not reach " + last + ":\n" + seen);
        }
        return marks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] percentiles(double[] t) {
        double[] s = t.clone();
        java.util.Arrays.sort(s);
        return new double[] {s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1]};
    }
}
