using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Browser.Tests;

/// <summary>A track decision made on an app instance as its circuits make one: through the use case, with the revision read.</summary>
public static class TrackDecisions
{
    /// <summary>Decides a consortium of Q30 as the region's regional lead <paramref name="email"/>.</summary>
    public static async Task<Application.Editing.EditOutcome<Domain.Assessments.TrackDecision>> DecideOnAsync(
        IServiceProvider instance, string email, string code, string track, string reason)
    {
        using var scope = instance.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var user = new ActingUser(id, email, email, new UserAccess([new RoleAssignment(id, Role.RegionalLead, "Q30")], new Dictionary<string, string>()));
        var latest = await db.TrackDecisions.Where(d => d.ConsortiumCode == code).MaxAsync(d => (int?)d.Revision) ?? 0;
        return await scope.ServiceProvider.GetRequiredService<TrackReview>().DecideAsync(user, code, latest, track, reason, CancellationToken.None);
    }
}
