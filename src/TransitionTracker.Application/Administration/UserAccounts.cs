using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Identity;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Text;

namespace TransitionTracker.Application.Administration;

/// <summary>
/// Creates users, gives and removes their roles, disables and enables them: administrators only (anyone else gets
/// <see cref="EditOutcome.NotFound"/>, and nothing changes). Each change opens its own context (docs/architecture.md,
/// "Layers"), and Identity's user manager works through that context too, so the audit interceptor records the acting
/// administrator and a new user and their first role share one transaction. Each method returns every problem it
/// found, keyed by the form fields of <see cref="AccountFields"/>, and changes nothing when there is one. Every change
/// to an existing account (a role given or removed, disabling, enabling) is based on the account's revision as read
/// (<see cref="UserDetail.Revision"/>) and moves it, role changes included: a change based on an older revision is
/// refused with who changed what meanwhile, and nothing changes (docs/architecture.md, "Editing: one outcome, one
/// revision rule").
/// </summary>
/// <param name="userManager">Identity's manager as the app configures it: its password rules, validators, hasher and normaliser.</param>
public sealed class UserAccounts(
    DbContexts contexts,
    UserManager<TransitionTrackerUser> userManager,
    IOptions<IdentityOptions> identityOptions,
    ILogger<UserManager<TransitionTrackerUser>> identityLogger,
    RevisionCheckedSave save)
{
    public const int EmailMaxLength = 256;

    /// <summary>Far beyond any pass phrase; keeps hashing cheap for whatever is posted.</summary>
    public const int PasswordMaxLength = 256;

    /// <summary>The field of a conflict's change that names a role given (new value) or removed (old value).</summary>
    public const string ChangedRole = "Role";

    /// <summary>The field of a conflict's change that gives the user's status before and after (Active, Disabled).</summary>
    public const string ChangedStatus = "Status";

    private PasswordOptions PasswordRules => identityOptions.Value.Password;

    /// <summary>The password rules in words, for the form's hint.</summary>
    public string DescribePasswordRules() =>
        $"Use {PasswordRules.RequiredLength} characters or more. Common passwords, with or without numbers or symbols added, are refused.";

    /// <summary>
    /// Checks a new user's details without touching the database (so not whether the e-mail is taken). Reads and
    /// changes nothing, so it needs no acting user: the create-admin command checks its arguments with it before any
    /// database exists.
    /// </summary>
    public async Task<IReadOnlyList<FieldProblem>> CheckNewUserAsync(string? email, string? displayName, string? password)
    {
        var problems = new List<FieldProblem>();
        var address = email?.Trim() ?? "";
        if (address.Length == 0)
        {
            problems.Add(new FieldProblem(AccountFields.Email, "Enter an email address"));
        }
        else if (address.Length > EmailMaxLength)
        {
            problems.Add(new FieldProblem(AccountFields.Email, $"Email address must be {EmailMaxLength} characters or fewer"));
        }
        else if (!IsEmailAddress(address))
        {
            problems.Add(new FieldProblem(AccountFields.Email, "Enter an email address in the correct format, like name@example.nhs.uk"));
        }
        else if (identityOptions.Value.User.AllowedUserNameCharacters is { Length: > 0 } allowed && address.Any(c => !allowed.Contains(c)))
        {
            problems.Add(new FieldProblem(AccountFields.Email, "Email address must only include letters, numbers and the symbols @ . - _ +"));
        }

        var name = displayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new FieldProblem(AccountFields.DisplayName, "Enter the user's name"));
        }
        else if (name.Length > TransitionTrackerUser.DisplayNameMaxLength)
        {
            problems.Add(new FieldProblem(AccountFields.DisplayName, $"Name must be {TransitionTrackerUser.DisplayNameMaxLength} characters or fewer"));
        }
        else if (PlainText.HasForbiddenCharacter(name))
        {
            problems.Add(new FieldProblem(AccountFields.DisplayName, PlainText.ForbiddenMessage("Name")));
        }

        if (string.IsNullOrEmpty(password))
        {
            problems.Add(new FieldProblem(AccountFields.Password, "Enter a password"));
        }
        else if (password.Length > PasswordMaxLength)
        {
            problems.Add(new FieldProblem(AccountFields.Password, $"Password must be {PasswordMaxLength} characters or fewer"));
        }
        else
        {
            var failures = new List<IdentityError>();
            var candidate = new TransitionTrackerUser { UserName = address, Email = address, DisplayName = name };
            foreach (var validator in userManager.PasswordValidators)
            {
                failures.AddRange((await validator.ValidateAsync(userManager, candidate, password)).Errors);
            }

            problems.AddRange(PasswordProblems(failures));
        }

        return problems;
    }

    /// <summary>
    /// A user with no roles: they can sign in but see nothing until given one. When saved, <see cref="EditOutcome{T}.Value"/>
    /// is the new user's id.
    /// </summary>
    public Task<EditOutcome<string>> CreateAsync(ActingUser? user, string? email, string? displayName, string? password, CancellationToken cancellationToken) =>
        IsAdministrator(user)
            ? CreateAsync(new AuditActor { Name = user!.AuditName }, email, displayName, password, role: null, cancellationToken)
            : Task.FromResult(EditOutcome<string>.From(EditOutcome.NotFound()));

    /// <summary>
    /// An administrator, for the create-admin command: whoever runs it on the server may, and there may be no
    /// administrator yet to act, so it takes no acting user; its saves are recorded as made by <paramref name="actor"/>.
    /// When saved, <see cref="EditOutcome{T}.Value"/> is the new user's id.
    /// </summary>
    public Task<EditOutcome<string>> CreateAdministratorAsync(AuditActor actor, string? email, string? displayName, string? password, CancellationToken cancellationToken) =>
        CreateAsync(actor, email, displayName, password, Role.Administrator, cancellationToken);

    /// <summary>
    /// Gives the user a role, with its scope for a role that has one. <see cref="EditOutcome.SavedId"/> is the new
    /// assignment's id and <see cref="EditOutcome.Revision"/> the user's new revision.
    /// </summary>
    /// <param name="revision">The user's revision the change is based on (<see cref="UserDetail.Revision"/>).</param>
    public async Task<EditOutcome> AssignRoleAsync(ActingUser? user, string userId, string? roleName, string? scopeCode, int? revision, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
        {
            return EditOutcome.NotFound();
        }

        RoleAssignment? assignment = null;
        var outcome = await ChangeAsync(user!, userId, revision, async (db, account) =>
        {
            var role = Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(r => r.ToString() == roleName);
            var scopeText = scopeCode?.Trim() ?? "";
            if (role is null)
            {
                return EditOutcome.Invalid(AccountFields.Role, "Select a role");
            }

            string? scope = null;
            if (role.Value.ScopeKind() is { } kind)
            {
                if (scopeText.Length == 0)
                {
                    return EditOutcome.Invalid(AccountFields.ScopeCode, MissingScope(role.Value));
                }

                scope = OrganisationCode.TryNormalise(scopeText);
                if (scope is null)
                {
                    return EditOutcome.Invalid(AccountFields.ScopeCode, $"Enter a {kind} code using only letters and numbers, like {ExampleCode(role.Value)}");
                }

                if (!await ScopeExistsAsync(db, role.Value, scope, cancellationToken))
                {
                    return EditOutcome.Invalid(AccountFields.ScopeCode, $"There is no {kind} with the code {scope}");
                }
            }
            else if (scopeText.Length > 0)
            {
                return EditOutcome.Invalid(AccountFields.ScopeCode, $"Leave the code empty: {WithArticle(role.Value)} covers the whole country");
            }

            if (await db.RoleAssignments.AnyAsync(a => a.UserId == account.Id && a.Role == role.Value && a.ScopeCode == scope, cancellationToken))
            {
                var what = scope is null ? WithArticle(role.Value) : $"{WithArticle(role.Value)} for {scope}";
                return EditOutcome.Invalid(AccountFields.Role, $"This user is already {what}");
            }

            assignment = new RoleAssignment(account.Id, role.Value, scope);
            db.RoleAssignments.Add(assignment);
            return null;
        }, cancellationToken);
        return outcome.IsSaved && assignment is not null ? EditOutcome.Saved(assignment.Id, outcome.Revision) : outcome;
    }

    /// <summary>
    /// Removes one of the user's roles; an administrator may not remove their own administrator role. Not found when the
    /// user has no such assignment at the revision the change is based on.
    /// </summary>
    /// <param name="revision">The user's revision the change is based on (<see cref="UserDetail.Revision"/>).</param>
    public async Task<EditOutcome> RemoveAssignmentAsync(ActingUser? user, string userId, int assignmentId, int? revision, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
        {
            return EditOutcome.NotFound();
        }

        var outcome = await ChangeAsync(user!, userId, revision, async (db, account) =>
        {
            var assignment = await db.RoleAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.UserId == account.Id, cancellationToken);
            if (assignment is null)
            {
                return EditOutcome.NotFound();
            }

            if (assignment.Role == Role.Administrator && account.Id == user!.Id)
            {
                return EditOutcome.Invalid(AccountFields.Assignments, "You cannot remove your own administrator role. Ask another administrator");
            }

            db.RoleAssignments.Remove(assignment);
            return null;
        }, cancellationToken);
        return outcome.IsSaved ? EditOutcome.Saved(assignmentId, outcome.Revision) : outcome;
    }

    /// <summary>
    /// Refuses the user from their next request on (the acting user is looked up on every request) and changes
    /// their security stamp, so nothing issued before keeps working if they are enabled again. An administrator may
    /// not disable themselves. A user already disabled is left as they are.
    /// </summary>
    /// <param name="revision">The user's revision the change is based on (<see cref="UserDetail.Revision"/>).</param>
    public Task<EditOutcome> DisableAsync(ActingUser? user, string userId, int? revision, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
        {
            return Task.FromResult(EditOutcome.NotFound());
        }

        if (userId == user!.Id)
        {
            return Task.FromResult(EditOutcome.Invalid(AccountFields.Status, "You cannot disable your own account. Ask another administrator"));
        }

        return ChangeAsync(user, userId, revision, (_, account) =>
        {
            if (account.IsDisabled)
            {
                return Task.FromResult<EditOutcome?>(EditOutcome.Saved(revision: account.Revision));
            }

            account.IsDisabled = true;
            return Task.FromResult<EditOutcome?>(null);
        }, cancellationToken);
    }

    /// <summary>Lets a disabled user sign in again, with the roles they have. A user who is not disabled is left as they are.</summary>
    /// <param name="revision">The user's revision the change is based on (<see cref="UserDetail.Revision"/>).</param>
    public Task<EditOutcome> EnableAsync(ActingUser? user, string userId, int? revision, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
        {
            return Task.FromResult(EditOutcome.NotFound());
        }

        return ChangeAsync(user!, userId, revision, (_, account) =>
        {
            if (!account.IsDisabled)
            {
                return Task.FromResult<EditOutcome?>(EditOutcome.Saved(revision: account.Revision));
            }

            account.IsDisabled = false;
            return Task.FromResult<EditOutcome?>(null);
        }, cancellationToken);
    }

    /// <summary>
    /// One administrator's change to an account, by the revision rule (docs/architecture.md, "Editing: one outcome, one
    /// revision rule"): not found when there is no such user; refused when the change says no revision, or is based on
    /// an older one than stored, or loses a race with another save (the revision is the row's concurrency token), with
    /// who changed what meanwhile. <paramref name="change"/> checks and applies the change to the tracked account and
    /// its context, answering the outcome that ends it without a save (invalid, or nothing to change), or null to
    /// save. A save moves the revision and, as Identity's own updates do, its concurrency stamp; disabling also
    /// changes the security stamp.
    /// </summary>
    private async Task<EditOutcome> ChangeAsync(
        ActingUser user,
        string userId,
        int? basedOn,
        Func<TransitionTrackerDbContext, TransitionTrackerUser, Task<EditOutcome?>> change,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.Open(user);
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return EditOutcome.NotFound();
        }

        if (basedOn is null)
        {
            return EditOutcome.RevisionRequired();
        }

        Task<EditConflict> Conflict(TransitionTrackerUser stored, CancellationToken ct) => ConflictAsync(db, stored.Id, ct);
        if (basedOn != account.Revision)
        {
            return await save.RefusedAsync(account, Conflict, cancellationToken);
        }

        var wasDisabled = account.IsDisabled;
        if (await change(db, account) is { } ended)
        {
            return ended;
        }

        // Saved here rather than through Identity's manager: its store attaches the account afresh, which would take
        // the changes already made to it as the stored values, and with them the revision the save is checked against.
        account.Revision++;
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (account.IsDisabled && !wasDisabled)
        {
            account.SecurityStamp = NewSecurityStamp();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another save won the race: the revision had moved by the time this one was written (or, for the same role
            // given twice at once, the database refused the second as a duplicate). Anything else is not a conflict.
            if (e is not DbUpdateConcurrencyException && !await RevisionMovedAsync(userId, basedOn.Value, cancellationToken))
            {
                throw;
            }

            db.ChangeTracker.Clear();
            return await save.RefusedAsync(account, Conflict, cancellationToken);
        }

        return EditOutcome.Saved(revision: account.Revision);
    }

    // Read in a context of its own: the operation's has a failed save in it.
    private async Task<bool> RevisionMovedAsync(string userId, int basedOn, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        return await db.Users.AnyAsync(u => u.Id == userId && u.Revision != basedOn, cancellationToken);
    }

    /// <summary>A new security stamp: 160 random bits, as Identity makes them, so nothing issued before still matches.</summary>
    private static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    /// <summary>
    /// The revision stored now (read afresh: a save that lost a race has cleared what the context tracked) and the
    /// change that moved it: the account's latest recorded change that moved its revision, with the role assignments
    /// given or removed in the same save, in words ("Role": the role given or removed; "Status": Active or Disabled).
    /// </summary>
    private static async Task<EditConflict> ConflictAsync(TransitionTrackerDbContext db, string userId, CancellationToken cancellationToken)
    {
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (int?)u.Revision).SingleOrDefaultAsync(cancellationToken);
        var moved = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(TransitionTrackerUser) && a.EntityKey == userId && a.Changes.Contains(RevisionChanged))
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Actor, a.AtUtc, a.Changes })
            .FirstOrDefaultAsync(cancellationToken);
        if (moved is null)
        {
            return new EditConflict(current, null, null, []);
        }

        var roleEntries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(RoleAssignment) && a.AtUtc == moved.AtUtc && a.Actor == moved.Actor && a.Changes.Contains(userId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.Changes })
            .ToListAsync(cancellationToken);
        var roles = new List<(bool Given, RoleAssignment Assignment)>();
        foreach (var entry in roleEntries)
        {
            var fields = FieldsOf(entry.Changes);
            var given = entry.Action == nameof(EntityState.Added);
            var roleName = given ? fields.GetValueOrDefault("Role")?.New : fields.GetValueOrDefault("Role")?.Old;
            var scope = given ? fields.GetValueOrDefault("ScopeCode")?.New : fields.GetValueOrDefault("ScopeCode")?.Old;
            if (Enum.TryParse<Role>(roleName, out var role) && role.NeedsScope() == scope is not null)
            {
                roles.Add((given, new RoleAssignment(userId, role, scope)));
            }
        }

        var described = await UserDirectory.DescribeAsync(db, roles.Select(r => r.Assignment).ToList(), cancellationToken);
        var changes = roles
            .Select(r => new FieldChange(ChangedRole, r.Given ? null : Describe(r.Assignment), r.Given ? Describe(r.Assignment) : null))
            .ToList();
        if (FieldsOf(moved.Changes).GetValueOrDefault(nameof(TransitionTrackerUser.IsDisabled)) is { } status)
        {
            changes.Add(new FieldChange(ChangedStatus, StatusWord(status.Old), StatusWord(status.New)));
        }

        return new EditConflict(current, moved.Actor, moved.AtUtc, changes);

        string Describe(RoleAssignment assignment) =>
            described.First(d => d.Summary.Role == assignment.Role && d.Summary.ScopeCode == assignment.ScopeCode).Summary.Description;
    }

    // How the audit trail writes a change that moved the revision (FieldChange in camel case, as it is stored).
    private const string RevisionChanged = "\"field\":\"Revision\"";

    private static Dictionary<string, FieldChange> FieldsOf(string changes) =>
        (JsonSerializer.Deserialize<List<FieldChange>>(changes, JsonSerializerOptions.Web) ?? []).ToDictionary(c => c.Field, StringComparer.Ordinal);

    private static string? StatusWord(string? isDisabled) => isDisabled switch
    {
        "True" => nameof(UserStatus.Disabled),
        "False" => nameof(UserStatus.Active),
        _ => null,
    };

    // The same rule as the administrator policy of the pages (docs/security.md, "Roles and scopes").
    private static bool IsAdministrator(ActingUser? user) => user?.Access.IsAdministrator == true;

    private async Task<EditOutcome<string>> CreateAsync(AuditActor actor, string? email, string? displayName, string? password, Role? role, CancellationToken cancellationToken)
    {
        var problems = (await CheckNewUserAsync(email, displayName, password)).ToList();
        var address = email?.Trim() ?? "";
        await using var db = contexts.Open(actor);
        using var manager = ManagerOver(db);
        if (problems.All(p => p.Field != AccountFields.Email) && await manager.FindByEmailAsync(address) is not null)
        {
            problems.Insert(0, new FieldProblem(AccountFields.Email, $"A user with the email address {address} already exists"));
        }

        if (problems.Count > 0)
        {
            return EditOutcome<string>.From(EditOutcome.Invalid(problems));
        }

        var account = new TransitionTrackerUser
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            DisplayName = displayName!.Trim(),
        };

        // The user and their first role are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await manager.CreateAsync(account, password!);
        if (!created.Succeeded)
        {
            return EditOutcome<string>.From(EditOutcome.Invalid(created.Errors.Select(ToFieldProblem).ToList()));
        }

        if (role is { } first)
        {
            db.RoleAssignments.Add(new RoleAssignment(account.Id, first, null));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return EditOutcome<string>.From(EditOutcome.Saved(), account.Id);
    }

    /// <summary>
    /// Identity's user manager over the operation's own context, with the app's rules (those of the injected manager).
    /// No service provider: these operations issue no tokens, so they need none of Identity's token providers.
    /// </summary>
    private UserManager<TransitionTrackerUser> ManagerOver(TransitionTrackerDbContext db) =>
        new(
            new UserStore<TransitionTrackerUser>(db, userManager.ErrorDescriber),
            identityOptions,
            userManager.PasswordHasher,
            userManager.UserValidators,
            userManager.PasswordValidators,
            userManager.KeyNormalizer,
            userManager.ErrorDescriber,
            null!,
            identityLogger);

    private static Task<bool> ScopeExistsAsync(TransitionTrackerDbContext db, Role role, string code, CancellationToken cancellationToken) => role switch
    {
        Role.PctManager => db.Pcts.AnyAsync(p => p.Code == code, cancellationToken),
        Role.ConsortiumLead => db.Consortia.AnyAsync(c => c.Code == code, cancellationToken),
        Role.RegionalLead => db.Regions.AnyAsync(r => r.Code == code, cancellationToken),
        _ => Task.FromResult(false),
    };

    // Identity reports a short password with its own wording; this app's message names the length.
    private IEnumerable<FieldProblem> PasswordProblems(List<IdentityError> failures) =>
        failures.Select(f => new FieldProblem(AccountFields.Password, f.Code == nameof(IdentityErrorDescriber.PasswordTooShort)
            ? $"Password must be {PasswordRules.RequiredLength} characters or more"
            : f.Description));

    private FieldProblem ToFieldProblem(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            new FieldProblem(AccountFields.Email, "A user with this email address already exists"),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            new FieldProblem(AccountFields.Email, "Enter an email address in the correct format, like name@example.nhs.uk"),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => PasswordProblems([error]).First(),
        _ => new FieldProblem(AccountFields.Email, error.Description),
    };

    private static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && parsed.DisplayName.Length == 0
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !value.Any(char.IsWhiteSpace);

    private static string MissingScope(Role role) => role switch
    {
        Role.PctManager => "Enter the code of the PCT they manage, like 5D7",
        Role.ConsortiumLead => "Enter the code of the consortium they lead, like 00G",
        _ => "Enter the code of the region they lead, like Q30",
    };

    private static string ExampleCode(Role role) => role switch
    {
        Role.PctManager => "5D7",
        Role.ConsortiumLead => "00G",
        _ => "Q30",
    };

    private static string WithArticle(Role role) => role switch
    {
        Role.PctManager => "a PCT manager",
        Role.ConsortiumLead => "a consortium lead",
        Role.RegionalLead => "a regional lead",
        Role.NationalViewer => "a national viewer",
        Role.Administrator => "an administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
