using Quartz;
using TransitionTracker.Data;

namespace TransitionTracker.Web.Scheduling;

/// <summary>
/// The job scheduler (docs/operations.md, "Scheduled jobs"): Quartz.NET with its persistent store in the app's own
/// database (tables made by the app's migrations), so a restart keeps the schedule and a firing missed while no
/// instance ran is made up once one starts. On PostgreSQL the store is clustered: every instance runs a scheduler,
/// they take each firing under a row lock in the database, and so each firing runs on exactly one of them. SQLite
/// serves one instance and the scheduler refuses clustering on it (it cannot lock rows), so there the store is the
/// same but not clustered.
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    public const string SectionName = "Scheduler";

    /// <summary>When the daily job runs: a cron expression in UK time (seconds first). Default 06:00 every day.</summary>
    public const string DailyCronSetting = "Scheduler:DailyCron";

    public const string DefaultDailyCron = "0 0 6 * * ?";

    /// <summary>Off (<c>false</c>) for an instance that should run no scheduled jobs at all.</summary>
    public const string EnabledSetting = "Scheduler:Enabled";

    public static IServiceCollection AddTransitionTrackerScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        if (!configuration.GetValue(EnabledSetting, true))
        {
            return services;
        }

        var cron = configuration[DailyCronSetting] is { Length: > 0 } configured ? configured : DefaultDailyCron;
        if (!CronExpression.TryParse(cron, out _))
        {
            throw new InvalidOperationException($"{DailyCronSetting} must be a cron expression such as “{DefaultDailyCron}”, not “{cron}”.");
        }

        var uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        services.AddQuartz(q =>
        {
            // Clustering gives each instance a generated id of its own; the name is the cluster's.
            q.ConfigureScheduler(o => o.InstanceName = "TransitionTracker");
            q.UsePersistentStore(store =>
            {
                // The tables come from the app's migrations; the store checks at start that it can use them.
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(15);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
                    });
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
            });
            q.AddJob<DailyRemindersJob>(job => job.WithIdentity(DailyRemindersJob.Key).StoreDurably());
            q.AddTrigger(trigger => trigger
                .ForJob(DailyRemindersJob.Key)
                .WithIdentity(DailyRemindersJob.Name, "transition-tracker")
                .WithCronSchedule(cron, schedule => schedule.InTimeZone(uk).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddHostedService<SchedulerStarter>();
        return services;
    }
}
