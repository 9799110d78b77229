package com.solduel.batch.backup;

import com.solduel.game.live.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Runs {@code backup} daily at {@code solduel.backup.schedule} (02:00 by default) and
 * {@code restore-verify} at {@code solduel.restore-verify.schedule} (03:00), in
 * {@code solduel.backup.schedule-zone} (UTC); {@code off} turns one off. Every node has the timers;
 * the first whose timer fires claims the run in scheduled_job_runs and starts the job (from the timer
 * thread, like every job here), the others leave it. Also registers the backup metrics at start.
 */
@Singleton
@Startup
public class BackupSchedule {

    private static final Logger LOG = Logger.getLogger(BackupSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    BackupSettings settings;

    @Inject
    BackupMetrics metrics;

    @Inject
    NodeIdentity node;

    @EJB
    BackupRecords records;

    /** A daily run of a job at a time of day. */
    record Daily(String job, LocalTime at, String zone) implements Serializable {
    }

    @PostConstruct
    void schedule() {
        metrics.register();
        daily("backup", settings.backupSchedule());
        daily("restore-verify", settings.restoreVerifySchedule());
    }

    private void daily(String job, String schedule) {
        if (schedule == null || schedule.isBlank() || BackupSettings.OFF.equalsIgnoreCase(schedule.strip())) {
            LOG.info(job + " job: no schedule on this node (" + schedule + "); an admin can start it (POST /api/admin/jobs/" + job + ")");
            return;
        }
        LocalTime at = LocalTime.parse(schedule.strip());
        ScheduleExpression daily = new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0)
                .timezone(settings.scheduleZone());
        timers.createCalendarTimer(daily, new TimerConfig(new Daily(job, at, settings.scheduleZone()), false));
        LOG.info(job + " job scheduled daily at " + at + " " + settings.scheduleZone());
    }

    @Timeout
    void run(Timer timer) {
        Daily daily = (Daily) timer.getInfo();
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of(daily.zone()));
        ZonedDateTime slot = now.with(daily.at()).withSecond(0).withNano(0);
        if (slot.isAfter(now)) {
            slot = slot.minusDays(1);
        }
        try {
            if (!records.claim(daily.job(), slot.toInstant(), node.id())) {
                LOG.info(daily.job() + " run of " + slot + " already claimed by another node");
                return;
            }
            long execution = BatchRuntime.getJobOperator().start(daily.job(), new Properties());
            LOG.info(daily.job() + " run of " + slot + " started: execution " + execution);
        } catch (RuntimeException e) {
            LOG.warning(daily.job() + " run of " + slot + " not started: " + e);
        }
    }
}
