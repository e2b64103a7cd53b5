using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Preferences;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Application.Tests.Preferences;

/// <summary>
/// A user's own choice of light or dark pages: System (follow the browser) until they choose, stored with their account
/// and carried by their <see cref="ActingUser"/>; a bad choice, nobody signed in or an account that is gone changes nothing.
/// </summary>
public sealed class DisplayPreferencesTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_user_who_has_not_chosen_follows_the_browser()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        Assert.Equal(ColourScheme.System, manager.ColourScheme);
        Assert.Equal(ColourScheme.System, await GetAsync(manager));
    }

    [Theory]
    [InlineData("Light", ColourScheme.Light)]
    [InlineData("Dark", ColourScheme.Dark)]
    [InlineData("System", ColourScheme.System)]
    [InlineData("dark", ColourScheme.Dark)]
    [InlineData(" LIGHT ", ColourScheme.Light)]
    public async Task A_choice_is_stored_with_the_account_and_read_back(string value, ColourScheme expected)
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var other = expected == ColourScheme.Dark ? "Light" : "Dark";
        Assert.True((await SetAsync(manager, other)).IsSaved);

        var outcome = await SetAsync(manager, value);

        Assert.Equal(EditStatus.Saved, outcome.Status);
        Assert.Equal(expected, await GetAsync(manager));
        Assert.Equal(expected, (await _host.UserAsync(Demo.PctManager)).ColourScheme);
        await using var db = _host.OpenContext();
        Assert.Equal(expected, await db.Users.Where(u => u.Id == manager.Id).Select(u => u.ColourScheme).SingleAsync());
    }

    [Fact]
    public async Task A_change_is_audited_as_the_users_own_and_choosing_the_same_again_writes_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        Assert.True((await SetAsync(manager, "Dark")).IsSaved);
        var afterFirst = await LastAuditIdAsync();
        var stampAfterFirst = await StampAsync();
        Assert.True((await SetAsync(manager, "Dark")).IsSaved);

        await using var db = _host.OpenContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(TransitionTrackerUser) && e.EntityKey == manager.Id);
        Assert.Equal((Demo.PctManager, "Modified"), (entry.Actor, entry.Action));
        Assert.Equal([new FieldChange("ColourScheme", "System", "Dark")], JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes, JsonSerializerOptions.Web));
        Assert.Equal(afterFirst, await LastAuditIdAsync());
        Assert.Equal(stampAfterFirst, await StampAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Blue")]
    [InlineData("1")]
    [InlineData("Light,Dark")]
    [InlineData("Darkness")]
    public async Task An_unknown_choice_is_refused_with_a_clear_problem_and_changes_nothing(string? value)
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        Assert.True((await SetAsync(manager, "Dark")).IsSaved);
        var lastAudit = await LastAuditIdAsync();

        var outcome = await SetAsync(manager, value);

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(DisplayPreferences.ColourSchemeField, problem.Field);
        Assert.Equal("Select a colour scheme: System, Light or Dark", problem.Message);
        Assert.Equal(ColourScheme.Dark, await GetAsync(manager));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task Nobody_signed_in_follows_the_browser_and_can_set_nothing()
    {
        var lastAudit = await LastAuditIdAsync();

        Assert.Equal(ColourScheme.System, await GetAsync(null));
        Assert.Equal(EditStatus.NotFound, (await SetAsync(null, "Dark")).Status);

        await using var db = _host.OpenContext();
        Assert.False(await db.Users.AnyAsync(u => u.ColourScheme != ColourScheme.System));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task An_account_that_no_longer_exists_or_is_disabled_is_not_found_and_nothing_changes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var gone = manager with { Id = "no-such-account" };
        await using (var db = _host.OpenContext())
        {
            await db.Users.Where(u => u.Id == manager.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        }

        var lastAudit = await LastAuditIdAsync();

        Assert.Equal(ColourScheme.System, await GetAsync(gone));
        Assert.Equal(EditStatus.NotFound, (await SetAsync(gone, "Dark")).Status);
        Assert.Equal(EditStatus.NotFound, (await SetAsync(manager, "Dark")).Status);

        await using var after = _host.OpenContext();
        Assert.False(await after.Users.AnyAsync(u => u.ColourScheme != ColourScheme.System));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task One_users_choice_does_not_change_anothers()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var national = await _host.UserAsync(Demo.National);

        Assert.True((await SetAsync(manager, "Dark")).IsSaved);
        Assert.True((await SetAsync(lead, "Light")).IsSaved);

        Assert.Equal(ColourScheme.Dark, await GetAsync(manager));
        Assert.Equal(ColourScheme.Light, await GetAsync(lead));
        Assert.Equal(ColourScheme.System, await GetAsync(national));
        await using var db = _host.OpenContext();
        Assert.Equal(
            new Dictionary<string, ColourScheme> { [manager.Id] = ColourScheme.Dark, [lead.Id] = ColourScheme.Light },
            await db.Users.Where(u => u.ColourScheme != ColourScheme.System).ToDictionaryAsync(u => u.Id, u => u.ColourScheme));
    }

    [Fact]
    public async Task The_signed_in_users_next_request_carries_their_new_choice()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var principal = await SignedInAsync(manager);
        Assert.Equal(ColourScheme.System, (await ActingAsync(principal))?.ColourScheme);

        Assert.True((await SetAsync(manager, "Dark")).IsSaved);

        Assert.Equal(ColourScheme.Dark, (await ActingAsync(principal))?.ColourScheme);
    }

    [PostgresPassFact]
    public async Task A_choice_saved_just_after_an_administrators_change_to_the_account_is_still_stored()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        await using var admin = _host.OpenContext();
        await using var adminChange = await admin.Database.BeginTransactionAsync();
        await admin.Users.Where(u => u.Id == manager.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ConcurrencyStamp, "changed by an administrator"));

        // The choice reads the account as it was, then waits on the administrator's row lock; the administrator's
        // change then lands first, so the choice's first save finds the account changed under it.
        var choosing = SetAsync(manager, "Dark");
        await using (var watcher = _host.OpenContext())
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await watcher.Database.SqlQueryRaw<int>("""SELECT COUNT(*)::int AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""").SingleAsync() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The choice never waited on the administrator's change.");
                await Task.Delay(20);
            }
        }

        await adminChange.CommitAsync();

        Assert.Equal(EditStatus.Saved, (await choosing).Status);
        await using var db = _host.OpenContext();
        var account = await db.Users.SingleAsync(u => u.Id == manager.Id);
        Assert.Equal((ColourScheme.Dark, "changed by an administrator"), (account.ColourScheme, account.ConcurrencyStamp));
    }

    private Task<ColourScheme> GetAsync(ActingUser? user) =>
        _host.RunAsync<DisplayPreferences, ColourScheme>(p => p.GetAsync(user, CancellationToken.None));

    private Task<EditOutcome> SetAsync(ActingUser? user, string? value) =>
        _host.RunAsync<DisplayPreferences, EditOutcome>(p => p.SetAsync(user, value, CancellationToken.None));

    // Each call is a request of its own: the acting user comes through the read cache, as CurrentUserMiddleware reads it.
    private Task<ActingUser?> ActingAsync(ClaimsPrincipal principal) =>
        _host.RunAsync<ActingUsers, ActingUser?>(u => u.FromPrincipalAsync(principal, CancellationToken.None));

    /// <summary>The principal a sign-in cookie would carry: the account, an open session and its security stamp.</summary>
    private async Task<ClaimsPrincipal> SignedInAsync(ActingUser user)
    {
        var sessionId = await _host.RunAsync<SessionStore, string>(s => s.StartAsync(null, user.Id, CancellationToken.None));
        await using var db = _host.OpenContext();
        var securityStamp = await db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync();
        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ActingUsers.SessionClaimType, sessionId),
                new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, securityStamp!),
            ],
            "test"));
    }

    private async Task<int> LastAuditIdAsync()
    {
        await using var db = _host.OpenContext();
        return await db.AuditEntries.MaxAsync(e => (int?)e.Id) ?? 0;
    }

    private async Task<long> StampAsync()
    {
        await using var db = _host.OpenContext();
        return await db.DataVersions.Where(v => v.Id == Data.Versioning.DataVersion.RowId).Select(v => v.Stamp).SingleAsync();
    }
}
