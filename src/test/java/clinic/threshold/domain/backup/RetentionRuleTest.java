package clinic.threshold.domain.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");

    private static BackupInfo backup(String name, BackupKind kind, Instant at, BackupStatus status) {
        return new BackupInfo(name, name, kind, BackupMethod.of(kind), at, 1000, status, null, "011", 10, 5, "h", at);
    }

    private static Set<String> removed(RetentionRule r, List<BackupInfo> all) {
        Set<String> names = new HashSet<>();
        r.toRemove(all, ZONE).forEach(b -> names.add(b.fileName()));
        return names;
    }

    @Test
    void keepsTheNewestGoodCopyOfEachOfTheLastDays() {
        List<BackupInfo> all = new ArrayList<>();
        for (int day = 0; day < 20; day++) {
            Instant t = NOW.minus(Duration.ofDays(day));
            all.add(backup("d" + day + "-late", BackupKind.DAILY, t, BackupStatus.VERIFIED));
            all.add(backup("d" + day + "-early", BackupKind.DAILY, t.minus(Duration.ofHours(3)), BackupStatus.VERIFIED));
        }
        Set<String> gone = removed(new RetentionRule(14, 8), all);
        for (int day = 0; day < 20; day++) {
            assertTrue(gone.contains("d" + day + "-early"), "only one per day: day " + day);
            assertEquals(day >= 14, gone.contains("d" + day + "-late"), "day " + day);
        }
    }

    @Test
    void weeklyDumpsAreKeptOnePerWeekAndPreMigrationDumpsAlways() {
        List<BackupInfo> all = new ArrayList<>();
        for (int week = 0; week < 12; week++) {
            all.add(backup("w" + week, BackupKind.WEEKLY, NOW.minus(Duration.ofDays(7L * week)), BackupStatus.VERIFIED));
        }
        all.add(backup("pm-old", BackupKind.PRE_MIGRATION, NOW.minus(Duration.ofDays(400)), BackupStatus.VERIFIED));
        Set<String> gone = removed(new RetentionRule(14, 8), all);
        assertEquals(Set.of("w8", "w9", "w10", "w11"), gone);
    }

    @Test
    void failedBackupsNeverCountAndGoOnlyWhenOlderThanTheKeptDays() {
        List<BackupInfo> all = new ArrayList<>();
        all.add(backup("bad-today", BackupKind.DAILY, NOW, BackupStatus.FAILED));
        all.add(backup("good-yesterday", BackupKind.DAILY, NOW.minus(Duration.ofDays(1)), BackupStatus.VERIFIED));
        all.add(backup("good-2", BackupKind.DAILY, NOW.minus(Duration.ofDays(2)), BackupStatus.VERIFIED));
        all.add(backup("bad-old", BackupKind.DAILY, NOW.minus(Duration.ofDays(5)), BackupStatus.FAILED));
        Set<String> gone = removed(new RetentionRule(2, 1), all);
        assertEquals(Set.of("bad-old"), gone, "a failed backup takes no day's place, and is kept while recent");
    }

    @Test
    void theNewestGoodBackupSurvivesEvenWhenNothingElseWould() {
        List<BackupInfo> only = List.of(backup("pm", BackupKind.WEEKLY, NOW.minus(Duration.ofDays(300)),
                BackupStatus.VERIFIED), backup("bad", BackupKind.DAILY, NOW, BackupStatus.UNVERIFIED));
        assertEquals(Set.of(), removed(new RetentionRule(1, 1), only));
    }

    @Test
    void keepCountsOutsideTheRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionRule(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new RetentionRule(14, 366));
    }
}
