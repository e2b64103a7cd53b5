using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using TransitionTracker.Data;
using TransitionTracker.Web.Scheduling;

namespace TransitionTracker.Web.Tests.Scheduling;

/// <summary>Starting and stopping the scheduler with the host, on a migrated database.</summary>
public sealed class SchedulerStarterTests
{
    [Fact]
    public async Task Stopped_twice_at_once_it_shuts_the_scheduler_down_once_and_both_stops_wait_for_that_shutdown()
    {
        using var database = TestDatabases.NewCopy();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddTransitionTrackerData(database.Provider, database.ConnectionString)
            .BuildServiceProvider();
        var scheduler = DispatchProxy.Create<IScheduler, RecordingScheduler>();
        var recording = (RecordingScheduler)(object)scheduler;
        var starter = new SchedulerStarter(
            new OneSchedulerFactory(scheduler), services.GetRequiredService<IDbContextFactory<TransitionTrackerDbContext>>(), NullLogger<SchedulerStarter>.Instance);

        await starter.StartAsync(CancellationToken.None);
        await recording.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // As a test host's stop and the app's own run loop do, when the one stops the host and so wakes the other.
        var first = starter.StopAsync(CancellationToken.None);
        var second = starter.StopAsync(CancellationToken.None);
        await recording.ShutdownAsked.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(first.IsCompleted, "The first stop returned before the scheduler had shut down.");
        Assert.False(second.IsCompleted, "The second stop returned before the scheduler had shut down.");

        recording.FinishShutdown.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, recording.Shutdowns);
    }

    private sealed class OneSchedulerFactory(IScheduler scheduler) : ISchedulerFactory
    {
        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => new([scheduler]);

        public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) => new(scheduler);

        public ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => new(scheduler);
    }

    /// <summary>A scheduler that records being started and shut down, and finishes shutting down when told to.</summary>
    public class RecordingScheduler : DispatchProxy
    {
        private int shutdowns;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ShutdownAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FinishShutdown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Shutdowns => Volatile.Read(ref shutdowns);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IScheduler.Start):
                    Started.TrySetResult();
                    return ValueTask.CompletedTask;
                case nameof(IScheduler.Shutdown):
                    Interlocked.Increment(ref shutdowns);
                    ShutdownAsked.TrySetResult();
                    return new ValueTask(FinishShutdown.Task);
                default:
                    throw new NotSupportedException($"The test scheduler does not do {targetMethod?.Name}.");
            }
        }
    }
}
