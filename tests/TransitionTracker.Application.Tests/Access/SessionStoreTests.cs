using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Application.Tests.Access;

/// <summary>Server-side sessions: started per sign-in, ended once, audited as whoever acted (the system when nobody was signed in).</summary>
public sealed class SessionStoreTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_session_is_open_until_ended_and_ends_only_once()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var sessionId = await _host.RunAsync<SessionStore, string>(s => s.StartAsync(null, manager.Id, CancellationToken.None));
        await using (var db = _host.OpenContext())
        {
            var session = await db.UserSessions.SingleAsync(s => s.Id == sessionId);
            Assert.Equal(manager.Id, session.UserId);
            Assert.Null(session.EndedAtUtc);
        }

        Assert.True(await _host.RunAsync<SessionStore, bool>(s => s.EndAsync(manager, sessionId, manager.Id, CancellationToken.None)));
        Assert.False(await _host.RunAsync<SessionStore, bool>(s => s.EndAsync(manager, sessionId, manager.Id, CancellationToken.None)));

        await using (var db = _host.OpenContext())
        {
            Assert.NotNull((await db.UserSessions.SingleAsync(s => s.Id == sessionId)).EndedAtUtc);
            Assert.Equal(
                [("Added", AuditActor.System), ("Modified", Demo.PctManager)],
                (await db.AuditEntries.Where(e => e.EntityType == "UserSession" && e.EntityKey == sessionId).OrderBy(e => e.Id).ToListAsync()).Select(e => (e.Action, e.Actor)));
        }
    }

    [Fact]
    public async Task Another_users_session_or_no_session_is_not_ended()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var sessionId = await _host.RunAsync<SessionStore, string>(s => s.StartAsync(null, manager.Id, CancellationToken.None));

        Assert.False(await _host.RunAsync<SessionStore, bool>(s => s.EndAsync(lead, sessionId, lead.Id, CancellationToken.None)));
        Assert.False(await _host.RunAsync<SessionStore, bool>(s => s.EndAsync(manager, null, manager.Id, CancellationToken.None)));

        await using var db = _host.OpenContext();
        Assert.Null((await db.UserSessions.SingleAsync(s => s.Id == sessionId)).EndedAtUtc);
    }
}
