package clinic.threshold.domain.backup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which backups to remove. Daily backups (daily, at close, manual): the newest verified one of each of the
 * last {@code keepDaily} days that have one. Weekly dumps: the newest verified one of each of the last
 * {@code keepWeekly} weeks. Pre-migration dumps are never removed automatically. Failed or unverified files
 * go once they are older than the oldest daily generation kept, so that they can be looked at for a while.
 * The newest verified backup is never removed.
 */
public record RetentionRule(int keepDaily, int keepWeekly) {
    public static final int MIN_KEEP = 1;
    public static final int MAX_KEEP = 365;

    public RetentionRule {
        if (keepDaily < MIN_KEEP || keepDaily > MAX_KEEP || keepWeekly < MIN_KEEP || keepWeekly > MAX_KEEP) {
            throw new IllegalArgumentException("keep counts must be between " + MIN_KEEP + " and " + MAX_KEEP);
        }
    }

    public List<BackupInfo> toRemove(List<BackupInfo> all, ZoneId zone) {
        List<BackupInfo> newestFirst = new ArrayList<>(all);
        newestFirst.sort(Comparator.comparing(BackupInfo::createdAt).reversed());
        Set<BackupInfo> keep = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        Set<LocalDate> weeks = new HashSet<>();
        LocalDate oldestDayKept = null;
        for (BackupInfo b : newestFirst) {
            if (!b.good()) {
                continue;
            }
            LocalDate day = b.createdAt().atZone(zone).toLocalDate();
            if (BackupMethod.dailyTier(b.kind()) && days.size() < keepDaily && days.add(day)) {
                keep.add(b);
                oldestDayKept = day;
            } else if (b.kind() == BackupKind.WEEKLY && weeks.size() < keepWeekly
                    && weeks.add(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) {
                keep.add(b);
            }
        }
        newestFirst.stream().filter(BackupInfo::good).findFirst().ifPresent(keep::add);
        List<BackupInfo> remove = new ArrayList<>();
        for (BackupInfo b : newestFirst) {
            if (keep.contains(b) || b.kind() == BackupKind.PRE_MIGRATION) {
                continue;
            }
            if (!b.good()) {
                LocalDate day = b.createdAt().atZone(zone).toLocalDate();
                if (oldestDayKept == null || !day.isBefore(oldestDayKept)) {
                    continue;
                }
            }
            remove.add(b);
        }
        return remove;
    }
}
