package clinic.threshold.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Times a call: warm-up runs first, then the median and 95th percentile of the measured runs, in milliseconds. */
final class BenchTimer {
    private BenchTimer() {
    }

    static double[] time(int warmUp, int runs, Supplier<?> call) {
        for (int i = 0; i < warmUp; i++) {
            call.get();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            call.get();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return new double[] {t[runs / 2], t[(int) Math.ceil(runs * 0.95) - 1]};
    }
}
