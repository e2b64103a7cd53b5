using System.Net.Mail;
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
/// found, keyed by the form fields of <see cref="AccountFields"/>, and changes nothing when there is one. Users and
/// role assignments carry no revision: a change applies to the account as it is when the change is saved.
/// </summary>
/// <param name="userManager">Identity's manager as the app configures it: its password rules, validators, hasher and normaliser.</param>
public sealed class UserAccounts(
    DbContexts contexts,
    UserManager<TransitionTrackerUser> userManager,
    IOptions<IdentityOptions> identityOptions,
    ILogger<UserManager<TransitionTrackerUser>> identityLogger)
{
    public const int EmailMaxLength = 256;

    /// <summary>Far beyond any pass phrase; keeps hashing cheap for whatever is posted.</summary>
    public const int PasswordMaxLength = 256;

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

    public async Task<EditOutcome> AssignRoleAsync(ActingUser? user, string userId, string? roleName, string? scopeCode, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
        {
            return EditOutcome.NotFound();
        }

        await using var db = contexts.Open(user);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

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

        if (await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == role.Value && a.ScopeCode == scope, cancellationToken))
        {
            var what = scope is null ? WithArticle(role.Value) : $"{WithArticle(role.Value)} for {scope}";
            return EditOutcome.Invalid(AccountFields.Role, $"This user is already {what}");
        }

        var assignment = new RoleAssignment(userId, role.Value, scope);
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(assignment.Id);
    }

    /// <summary>Removes one of the user's roles; an administrator may not remove their own administrator role.</summary>
    public async Task<EditOutcome> RemoveAssignmentAsync(ActingUser? user, string userId, int assignmentId, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
        {
            return EditOutcome.NotFound();
        }

        await using var db = contexts.Open(user);
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.UserId == userId, cancellationToken);
        if (assignment is null)
        {
            return EditOutcome.Invalid(AccountFields.Assignments, "That role has already been removed");
        }

        if (assignment.Role == Role.Administrator && userId == user!.Id)
        {
            return EditOutcome.Invalid(AccountFields.Assignments, "You cannot remove your own administrator role. Ask another administrator");
        }

        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(assignmentId);
    }

    /// <summary>
    /// Refuses the user from their next request on (the acting user is looked up on every request) and changes
    /// their security stamp, so nothing issued before keeps working if they are enabled again. An administrator may
    /// not disable themselves.
    /// </summary>
    public async Task<EditOutcome> DisableAsync(ActingUser? user, string userId, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
        {
            return EditOutcome.NotFound();
        }

        if (userId == user!.Id)
        {
            return EditOutcome.Invalid(AccountFields.Status, "You cannot disable your own account. Ask another administrator");
        }

        await using var db = contexts.Open(user);
        using var manager = ManagerOver(db);
        var account = await manager.FindByIdAsync(userId);
        if (account is null)
        {
            return EditOutcome.Invalid(AccountFields.Status, "This user no longer exists");
        }

        if (account.IsDisabled)
        {
            return EditOutcome.Saved();
        }

        account.IsDisabled = true;
        return StatusOutcome(await manager.UpdateSecurityStampAsync(account));
    }

    public async Task<EditOutcome> EnableAsync(ActingUser? user, string userId, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
        {
            return EditOutcome.NotFound();
        }

        await using var db = contexts.Open(user);
        using var manager = ManagerOver(db);
        var account = await manager.FindByIdAsync(userId);
        if (account is null)
        {
            return EditOutcome.Invalid(AccountFields.Status, "This user no longer exists");
        }

        if (!account.IsDisabled)
        {
            return EditOutcome.Saved();
        }

        account.IsDisabled = false;
        return StatusOutcome(await manager.UpdateAsync(account));
    }

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

    private static EditOutcome StatusOutcome(IdentityResult result) =>
        result.Succeeded ? EditOutcome.Saved() : EditOutcome.Invalid(result.Errors.Select(e => new FieldProblem(AccountFields.Status, e.Description)).ToList());

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
