using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Application.Assessments;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// The browser app with the demo data, except that <see cref="Consortia"/> have never been assessed against the
/// readiness checklist: the demo history gives every consortium submitted assessments, and a new one would start
/// from the last one's answers, every criterion already answered. Its own app, so the shared fixture's demo data
/// stays as it is.
/// </summary>
public sealed class NeverAssessedConsortiaFixture : BrowserAppFixture
{
    /// <summary>Consortia managed by Newcastle PCT (5D7), one for each assessment journey.</summary>
    public static readonly string[] Consortia = ["00G", "00H"];

    protected override async Task ArrangeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();

        // Answers and domain scores go with their assessments (cascading deletes).
        await db.Assessments
            .Where(a => Consortia.Contains(a.ConsortiumCode) && a.FrameworkId == AssessmentWorkflow.DefaultFramework)
            .ExecuteDeleteAsync();
    }
}
