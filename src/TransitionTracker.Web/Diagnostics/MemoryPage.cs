using TransitionTracker.Application.Live;

namespace TransitionTracker.Web.Diagnostics;

/// <summary>
/// `GET /dev/memory` (Development only): the managed heap after a full, compacting collection, the memory the garbage
/// collector holds committed for it, the process's resident memory, the open circuits and the watchers of live changes
/// (one per live page region and one per idle page's wake socket), as JSON. The load script reads it before and after
/// opening browser contexts to give the memory each circuit holds (docs/performance.md, "Circuits").
/// </summary>
public static class MemoryPage
{
    public const string Path = "/dev/memory";

    public sealed record MemoryFigures(long ManagedBytes, long CommittedBytes, long ResidentBytes, int OpenCircuits, int LiveWatchers);

    /// <summary>Maps the page in Development; elsewhere the route does not exist.</summary>
    public static IEndpointRouteBuilder MapMemoryPage(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            app.MapGet(Path, (OpenCircuits circuits, LiveChanges changes) => TypedResults.Ok(Measure(circuits, changes))).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private static MemoryFigures Measure(OpenCircuits circuits, LiveChanges changes)
    {
        // Twice, so that objects kept alive only by finalizers are gone as well.
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new MemoryFigures(
            GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().TotalCommittedBytes, process.WorkingSet64, circuits.Count, changes.WatcherCount);
    }
}
