using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Application.Tests.Administration;

/// <summary>
/// Creating users, giving and removing roles, disabling and enabling: administrators only, every problem by form
/// field, nothing changed unless saved. Every change to an account is based on its revision and moves it; one based
/// on an older revision is refused with who changed what, and changes nothing.
/// </summary>
public sealed class UserAccountsTests : IAsyncLifetime
{
    private const string NewEmail = "new.user@example.nhs.uk";
    private const string NewPassword = "Correct horse battery staple";

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_administrator_creates_a_user_with_no_roles_audited_as_themselves()
    {
        var admin = await _host.UserAsync(Demo.Administrator);

        var outcome = await CreateAsync(admin, NewEmail);

        Assert.True(outcome.IsSaved);
        await using var db = _host.OpenContext();
        var created = await db.Users.SingleAsync(u => u.Email == NewEmail);
        Assert.Equal(created.Id, outcome.Value);
        Assert.Equal("New User", created.DisplayName);
        Assert.True(created.EmailConfirmed);
        Assert.False(await db.RoleAssignments.AnyAsync(a => a.UserId == created.Id));
        Assert.Equal(Demo.Administrator, (await db.AuditEntries.SingleAsync(e => e.EntityType == "TransitionTrackerUser" && e.EntityKey == created.Id)).Actor);
    }

    [Fact]
    public async Task The_create_admin_command_creates_an_administrator_audited_as_its_actor()
    {
        var outcome = await _host.RunAsync<UserAccounts, EditOutcome<string>>(a =>
            a.CreateAdministratorAsync(new AuditActor { Name = "a command" }, NewEmail, "First Administrator", NewPassword, CancellationToken.None));

        Assert.True(outcome.IsSaved);
        await using var db = _host.OpenContext();
        Assert.Equal([Role.Administrator], await db.RoleAssignments.Where(a => a.UserId == outcome.Value).Select(a => a.Role).ToListAsync());
        Assert.Equal(
            ["TransitionTrackerUser Added", "RoleAssignment Added"],
            await db.AuditEntries.Where(e => e.Actor == "a command").OrderBy(e => e.Id).Select(e => e.EntityType + " " + e.Action).ToListAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Anyone_but_an_administrator_is_refused_as_not_found_and_nothing_changes(bool signedIn)
    {
        var user = signedIn ? await _host.UserAsync(Demo.National) : null;
        var managerId = await UserIdAsync(Demo.PctManager);
        var assignmentId = await AssignmentIdAsync(managerId, Role.PctManager);
        var lastAudit = await LastAuditIdAsync();

        Assert.Equal(EditStatus.NotFound, (await CreateAsync(user, NewEmail)).Status);
        Assert.Equal(EditStatus.NotFound, (await RunAsync(a => a.AssignRoleAsync(user, managerId, "NationalViewer", null, 0, CancellationToken.None))).Status);
        Assert.Equal(EditStatus.NotFound, (await RunAsync(a => a.RemoveAssignmentAsync(user, managerId, assignmentId, 0, CancellationToken.None))).Status);
        Assert.Equal(EditStatus.NotFound, (await RunAsync(a => a.DisableAsync(user, managerId, 0, CancellationToken.None))).Status);
        Assert.Equal(EditStatus.NotFound, (await RunAsync(a => a.EnableAsync(user, managerId, 0, CancellationToken.None))).Status);

        await using var db = _host.OpenContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == NewEmail));
        Assert.Equal(["PctManager 5D7"], await db.RoleAssignments.Where(a => a.UserId == managerId).Select(a => a.Role + " " + a.ScopeCode).ToListAsync());
        Assert.False(await db.Users.Where(u => u.Id == managerId).Select(u => u.IsDisabled).SingleAsync());
        Assert.Equal(0, await RevisionAsync(managerId));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task A_new_user_with_bad_details_gets_every_problem_by_field_and_nothing_is_created()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var lastAudit = await LastAuditIdAsync();

        var outcome = await _host.RunAsync<UserAccounts, EditOutcome<string>>(a => a.CreateAsync(admin, "not an address", " ", "short", CancellationToken.None));

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Null(outcome.Value);
        Assert.Equal(
            [
                (AccountFields.Email, "Enter an email address in the correct format, like name@example.nhs.uk"),
                (AccountFields.DisplayName, "Enter the user's name"),
                (AccountFields.Password, "Password must be 12 characters or more"),
            ],
            outcome.Problems.Select(p => (p.Field, p.Message)));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task An_email_address_that_is_taken_is_refused()
    {
        var admin = await _host.UserAsync(Demo.Administrator);

        var outcome = await CreateAsync(admin, Demo.PctManager.ToUpperInvariant());

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal([new FieldProblem(AccountFields.Email, $"A user with the email address {Demo.PctManager.ToUpperInvariant()} already exists")], outcome.Problems);
    }

    [Fact]
    public async Task An_administrator_gives_a_role_with_its_scope_normalised_and_the_users_revision_moves()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var managerId = await UserIdAsync(Demo.PctManager);

        var outcome = await RunAsync(a => a.AssignRoleAsync(admin, managerId, "RegionalLead", " q30 ", 0, CancellationToken.None));

        Assert.True(outcome.IsSaved);
        await using var db = _host.OpenContext();
        var given = await db.RoleAssignments.SingleAsync(a => a.UserId == managerId && a.Role == Role.RegionalLead);
        Assert.Equal("Q30", given.ScopeCode);
        Assert.Equal(given.Id, outcome.SavedId);
        Assert.Equal(1, outcome.Revision);
        Assert.Equal(1, await RevisionAsync(managerId));
    }

    [Theory]
    [InlineData("", "", "role", "Select a role")]
    [InlineData("PctManager", "", "scope-code", "Enter the code of the PCT they manage, like 5D7")]
    [InlineData("RegionalLead", "ZZZ", "scope-code", "There is no region with the code ZZZ")]
    [InlineData("Administrator", "Q30", "scope-code", "Leave the code empty: an administrator covers the whole country")]
    [InlineData("PctManager", "5d7", "role", "This user is already a PCT manager for 5D7")]
    public async Task A_bad_or_duplicate_role_is_refused_by_field_and_nothing_changes(string role, string scope, string field, string message)
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var managerId = await UserIdAsync(Demo.PctManager);
        var lastAudit = await LastAuditIdAsync();

        var outcome = await RunAsync(a => a.AssignRoleAsync(admin, managerId, role, scope, 0, CancellationToken.None));

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal([new FieldProblem(field, message)], outcome.Problems);
        Assert.Equal(0, await RevisionAsync(managerId));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task A_change_to_a_user_who_does_not_exist_is_not_found()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var lastAudit = await LastAuditIdAsync();

        Assert.Equal(EditStatus.NotFound, (await RunAsync(a => a.AssignRoleAsync(admin, "no-such-user", "NationalViewer", null, 0, CancellationToken.None))).Status);
        Assert.Equal(EditStatus.NotFound, (await RunAsync(a => a.RemoveAssignmentAsync(admin, "no-such-user", 1, 0, CancellationToken.None))).Status);
        Assert.Equal(EditStatus.NotFound, (await RunAsync(a => a.DisableAsync(admin, "no-such-user", 0, CancellationToken.None))).Status);
        Assert.Equal(EditStatus.NotFound, (await RunAsync(a => a.EnableAsync(admin, "no-such-user", 0, CancellationToken.None))).Status);
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task An_administrator_removes_a_role_but_not_their_own_administrator_role()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var managerId = await UserIdAsync(Demo.PctManager);
        var managed = await AssignmentIdAsync(managerId, Role.PctManager);
        var own = await AssignmentIdAsync(admin.Id, Role.Administrator);

        var removed = await RunAsync(a => a.RemoveAssignmentAsync(admin, managerId, managed, 0, CancellationToken.None));
        var again = await RunAsync(a => a.RemoveAssignmentAsync(admin, managerId, managed, 1, CancellationToken.None));
        var self = await RunAsync(a => a.RemoveAssignmentAsync(admin, admin.Id, own, 0, CancellationToken.None));

        Assert.Equal((EditStatus.Saved, (int?)managed, (int?)1), (removed.Status, removed.SavedId, removed.Revision));
        Assert.Equal(EditStatus.NotFound, again.Status);
        Assert.Equal([new FieldProblem(AccountFields.Assignments, "You cannot remove your own administrator role. Ask another administrator")], self.Problems);
        Assert.Equal(0, await RevisionAsync(admin.Id));
        await using var db = _host.OpenContext();
        Assert.False(await db.RoleAssignments.AnyAsync(a => a.Id == managed));
        Assert.True(await db.RoleAssignments.AnyAsync(a => a.Id == own));
    }

    [Fact]
    public async Task Disabling_changes_the_security_stamp_and_enabling_lets_the_user_back()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var managerId = await UserIdAsync(Demo.PctManager);
        var stampBefore = await StampAsync(managerId);

        Assert.Equal((EditStatus.Saved, (int?)1), Summary(await RunAsync(a => a.DisableAsync(admin, managerId, 0, CancellationToken.None))));
        await using (var db = _host.OpenContext())
        {
            Assert.True(await db.Users.Where(u => u.Id == managerId).Select(u => u.IsDisabled).SingleAsync());
        }

        Assert.NotEqual(stampBefore, await StampAsync(managerId));
        Assert.Equal((EditStatus.Saved, (int?)2), Summary(await RunAsync(a => a.EnableAsync(admin, managerId, 1, CancellationToken.None))));
        await using (var db = _host.OpenContext())
        {
            Assert.False(await db.Users.Where(u => u.Id == managerId).Select(u => u.IsDisabled).SingleAsync());
            Assert.Equal(
                [Demo.Administrator, Demo.Administrator],
                await db.AuditEntries.Where(e => e.EntityType == "TransitionTrackerUser" && e.EntityKey == managerId).Select(e => e.Actor).ToListAsync());
        }
    }

    [Fact]
    public async Task Disabling_a_disabled_user_or_enabling_an_active_one_changes_nothing()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var managerId = await UserIdAsync(Demo.PctManager);
        var lastAudit = await LastAuditIdAsync();

        Assert.Equal((EditStatus.Saved, (int?)0), Summary(await RunAsync(a => a.EnableAsync(admin, managerId, 0, CancellationToken.None))));
        Assert.Equal(lastAudit, await LastAuditIdAsync());

        Assert.True((await RunAsync(a => a.DisableAsync(admin, managerId, 0, CancellationToken.None))).IsSaved);
        var stamp = await StampAsync(managerId);
        lastAudit = await LastAuditIdAsync();
        Assert.Equal((EditStatus.Saved, (int?)1), Summary(await RunAsync(a => a.DisableAsync(admin, managerId, 1, CancellationToken.None))));
        Assert.Equal(stamp, await StampAsync(managerId));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var lastAudit = await LastAuditIdAsync();

        var self = await RunAsync(a => a.DisableAsync(admin, admin.Id, 0, CancellationToken.None));

        Assert.Equal([new FieldProblem(AccountFields.Status, "You cannot disable your own account. Ask another administrator")], self.Problems);
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    public static TheoryData<string> Changes => new() { "assign", "remove", "disable", "enable" };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_change_that_says_no_revision_is_refused_and_nothing_changes(string change)
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var managerId = await UserIdAsync(Demo.PctManager);
        var before = await AccountAsync(managerId);
        var lastAudit = await LastAuditIdAsync();

        var outcome = await ChangeAsync(change, admin, managerId, revision: null);

        Assert.True(outcome.RevisionMissing);
        Assert.Equal(before, await AccountAsync(managerId));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    /// <summary>
    /// Two administrators open the same user: the other saves first (<paramref name="theirs"/>), then this one's change
    /// (<paramref name="mine"/>), based on the revision both read, is refused with who changed what, in words.
    /// </summary>
    [Theory]
    [InlineData("assign", "disable", "Status", "Active", "Disabled")]
    [InlineData("remove", "remove", "Role", "PCT manager – 5D7 Newcastle PCT", null)]
    [InlineData("disable", "assign", "Role", null, "National viewer")]
    [InlineData("enable", "enable", "Status", "Disabled", "Active")]
    public async Task A_change_based_on_an_older_revision_is_refused_with_who_changed_what_and_nothing_changes(
        string mine, string theirs, string field, string? from, string? to)
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var other = await SecondAdministratorAsync();
        var managerId = await UserIdAsync(Demo.PctManager);
        if (mine == "enable")
        {
            Assert.True((await ChangeAsync("disable", admin, managerId, 0)).IsSaved);
        }

        var read = await RevisionAsync(managerId);
        var managed = await AssignmentIdAsync(managerId, Role.PctManager);
        var saved = await ChangeAsync(theirs, other, managerId, read, managed);
        Assert.Equal((EditStatus.Saved, (int?)read + 1), Summary(saved));
        var before = await AccountAsync(managerId);
        var lastAudit = await LastAuditIdAsync();

        var outcome = await ChangeAsync(mine, admin, managerId, read, managed);

        Assert.Equal((EditStatus.Conflict, (int?)read + 1), Summary(outcome));
        var conflict = outcome.Conflict!;
        Assert.Equal(((int?)read + 1, (string?)OtherAdministrator), (conflict.CurrentRevision, conflict.ChangedBy));
        Assert.NotNull(conflict.ChangedAtUtc);
        Assert.Equal([new FieldChange(field, from, to)], conflict.Changes);
        Assert.Equal(before, await AccountAsync(managerId));
        Assert.Equal(lastAudit, await LastAuditIdAsync());
    }

    [Fact]
    public async Task A_change_based_on_the_revision_now_stored_is_saved_after_a_conflict()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var other = await SecondAdministratorAsync();
        var managerId = await UserIdAsync(Demo.PctManager);
        Assert.True((await ChangeAsync("assign", other, managerId, 0)).IsSaved);

        var refused = await ChangeAsync("disable", admin, managerId, 0);
        var saved = await ChangeAsync("disable", admin, managerId, refused.Conflict!.CurrentRevision);

        Assert.Equal((EditStatus.Saved, (int?)2), Summary(saved));
        Assert.Equal((2, true, "PctManager 5D7, NationalViewer"), await AccountAsync(managerId));
    }

    private const string OtherAdministrator = "second.admin@example.nhs.uk";

    private static (EditStatus, int?) Summary(EditOutcome outcome) => (outcome.Status, outcome.Revision);

    // One of the four changes to the demo PCT manager; "assign" gives a national viewer role, "remove" takes their
    // PCT manager role away (the assignment given, or the one they have now).
    private async Task<EditOutcome> ChangeAsync(string change, ActingUser user, string userId, int? revision, int? assignmentId = null)
    {
        var managed = change == "remove" ? assignmentId ?? await AssignmentIdAsync(userId, Role.PctManager) : 0;
        return await RunAsync(change switch
        {
            "assign" => a => a.AssignRoleAsync(user, userId, "NationalViewer", null, revision, CancellationToken.None),
            "remove" => a => a.RemoveAssignmentAsync(user, userId, managed, revision, CancellationToken.None),
            "disable" => a => a.DisableAsync(user, userId, revision, CancellationToken.None),
            "enable" => a => a.EnableAsync(user, userId, revision, CancellationToken.None),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        });
    }

    private async Task<ActingUser> SecondAdministratorAsync()
    {
        var created = await _host.RunAsync<UserAccounts, EditOutcome<string>>(a =>
            a.CreateAdministratorAsync(new AuditActor { Name = "a command" }, OtherAdministrator, "Second Administrator", NewPassword, CancellationToken.None));
        Assert.True(created.IsSaved);
        return await _host.UserAsync(OtherAdministrator);
    }

    // What a change could touch: the revision, the status and the roles, in the order given.
    private async Task<(int Revision, bool Disabled, string Roles)> AccountAsync(string userId)
    {
        await using var db = _host.OpenContext();
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Revision, u.IsDisabled }).SingleAsync();
        var roles = await db.RoleAssignments.Where(a => a.UserId == userId).OrderBy(a => a.Id).Select(a => new { a.Role, a.ScopeCode }).ToListAsync();
        return (account.Revision, account.IsDisabled, string.Join(", ", roles.Select(r => $"{r.Role} {r.ScopeCode}".Trim())));
    }

    private async Task<int> RevisionAsync(string userId)
    {
        await using var db = _host.OpenContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Revision).SingleAsync();
    }

    private Task<EditOutcome<string>> CreateAsync(ActingUser? user, string email) =>
        _host.RunAsync<UserAccounts, EditOutcome<string>>(a => a.CreateAsync(user, email, "New User", NewPassword, CancellationToken.None));

    private Task<EditOutcome> RunAsync(Func<UserAccounts, Task<EditOutcome>> change) => _host.RunAsync(change);

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = _host.OpenContext();
        return await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> AssignmentIdAsync(string userId, Role role)
    {
        await using var db = _host.OpenContext();
        return await db.RoleAssignments.Where(a => a.UserId == userId && a.Role == role).Select(a => a.Id).SingleAsync();
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var db = _host.OpenContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = _host.OpenContext();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }
}
