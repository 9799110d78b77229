package com.solduel.batch.admin;

import com.solduel.ops.AdminJobs;
import com.solduel.ops.JobRefusedException;
import com.solduel.ops.JobRun;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The admin's way to start and list jobs. Liberty's batch security records the caller who submits
 * an execution and lets a submitter see only its own; the jobs' other starters (PayoutJobs,
 * BackupSchedule) run on EJB timer threads with no caller. So an admin's request is handed to a
 * single-action timer too, which starts or lists on a timer thread, and the request waits for its
 * answer: every execution has the same submitter, and an admin sees them all.
 */
@Singleton
@Local(AdminJobs.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// No transaction around a request: a timer created inside one is only scheduled when it commits,
// i.e. after the request stopped waiting for it.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminJobLauncher implements AdminJobs {

    private static final Logger LOG = Logger.getLogger(AdminJobLauncher.class.getName());
    private static final long WAIT_SECONDS = 20;

    @Resource
    TimerService timers;

    private final Map<String, CompletableFuture<Object>> waiting = new ConcurrentHashMap<>();

    /** What a timer thread is asked to do. */
    record Request(String id, String startJob, String listJob, int limit) implements Serializable {
    }

    @Override
    public long start(String jobName) {
        if (!STARTABLE.contains(jobName)) {
            throw JobRefusedException.unknown(jobName);
        }
        return (Long) onTimerThread(new Request(UUID.randomUUID().toString(), jobName, null, 0));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<JobRun> recent(String jobName, int limit) {
        return (List<JobRun>) onTimerThread(new Request(UUID.randomUUID().toString(), null, jobName, limit));
    }

    @Timeout
    void run(Timer timer) {
        Request request = (Request) timer.getInfo();
        CompletableFuture<Object> answer = waiting.remove(request.id());
        if (answer == null) {
            return;
        }
        try {
            JobOperator jobs = BatchRuntime.getJobOperator();
            if (request.startJob() != null) {
                long execution = jobs.start(request.startJob(), new Properties());
                LOG.info(() -> "job " + request.startJob() + " started by an admin: execution " + execution);
                answer.complete(execution);
            } else {
                answer.complete(list(jobs, request.listJob(), request.limit()));
            }
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    private Object onTimerThread(Request request) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        waiting.put(request.id(), answer);
        timers.createSingleActionTimer(1, new TimerConfig(request, false));
        try {
            return answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            waiting.remove(request.id());
            throw new JobRefusedException("batch-unavailable", Kind.UNAVAILABLE, "the batch runtime did not answer within " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JobRun> list(JobOperator jobs, String jobName, int limit) {
        List<String> names = jobName == null ? List.copyOf(jobs.getJobNames())
                : jobs.getJobNames().contains(jobName) ? List.of(jobName) : List.of();
        List<JobRun> runs = new ArrayList<>();
        for (String name : names) {
            for (JobInstance instance : jobs.getJobInstances(name, 0, limit)) {
                for (JobExecution execution : jobs.getJobExecutions(instance)) {
                    runs.add(new JobRun(execution.getExecutionId(), instance.getInstanceId(), name, execution.getBatchStatus().name(),
                            execution.getExitStatus(), instant(execution.getCreateTime()), instant(execution.getStartTime()),
                            instant(execution.getEndTime())));
                }
            }
        }
        return runs.stream().sorted(Comparator.comparingLong(JobRun::executionId).reversed()).limit(limit).toList();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
