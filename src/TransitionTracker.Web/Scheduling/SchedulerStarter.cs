using Microsoft.EntityFrameworkCore;
using Quartz;
using TransitionTracker.Data;

namespace TransitionTracker.Web.Scheduling;

/// <summary>
/// Starts the scheduler once the database has every migration, its tables among them (docs/operations.md, "Scheduled
/// jobs"): with <c>Database:MigrateOnStart</c> false an instance may start before <c>migrate</c> has run, and it must
/// neither fail nor touch the database meanwhile, so until then it only looks, once a minute. On stopping, the
/// scheduler lets a run in progress finish. A host may be stopped twice at once (a test host stops it while the app's
/// own run loop, woken by the same stop, stops and then disposes it): both calls wait for the one shutdown, so that
/// the services the scheduler still uses are not disposed under it.
/// </summary>
public sealed class SchedulerStarter(
    ISchedulerFactory schedulers, IDbContextFactory<TransitionTrackerDbContext> contexts, ILogger<SchedulerStarter> logger) : BackgroundService
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private IScheduler? scheduler;
    private Task? shutdown;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var told = false;
            while (await PendingMigrationsAsync(stoppingToken) > 0)
            {
                if (!told)
                {
                    logger.LogWarning("The database is not migrated yet: scheduled jobs start once it is (run the migrate command)");
                    told = true;
                }

                await Task.Delay(LookEvery, stoppingToken);
            }

            scheduler = await schedulers.GetScheduler(stoppingToken);
            await scheduler.Start(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task? stopping;
        lock (gate)
        {
            stopping = shutdown ??= scheduler?.Shutdown(waitForJobsToComplete: true, cancellationToken).AsTask();
        }

        if (stopping is not null)
        {
            await stopping;
        }
    }

    private async Task<int> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
    }
}
