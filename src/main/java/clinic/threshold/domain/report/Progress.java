package clinic.threshold.domain.report;

/** Where a running report stands, and whether the person running it asked it to stop. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void step(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void step(long done, long total);

    boolean cancelled();

    /** Reports call this between steps: a cancelled run stops there. */
    default void check() {
        if (cancelled()) {
            throw new ReportCancelledException();
        }
    }
}
