using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TransitionTracker.Data;
using TransitionTracker.Data.Identity;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Text;
using TransitionTracker.Web.Components.Shared;

namespace TransitionTracker.Web.Administration;

/// <summary>
/// Creates users, gives and removes their roles, disables and enables them. Every change is saved through the
/// DbContext (Identity's user store shares it), so the audit interceptor records who changed what. Each method
/// returns every problem it found, and changes nothing when there is one.
/// </summary>
public sealed class UserAccounts(
    TransitionTrackerDbContext db,
    UserManager<TransitionTrackerUser> userManager,
    IOptions<IdentityOptions> identityOptions)
{
    public const int EmailMaxLength = 256;

    /// <summary>Far beyond any pass phrase; keeps hashing cheap for whatever is posted.</summary>
    public const int PasswordMaxLength = 256;

    private PasswordOptions PasswordRules => identityOptions.Value.Password;

    /// <summary>The password rules in words, for the form's hint.</summary>
    public string DescribePasswordRules() =>
        $"Use {PasswordRules.RequiredLength} characters or more. Common passwords, with or without numbers or symbols added, are refused.";

    /// <summary>Checks a new user's details without touching the database (so not whether the e-mail is taken).</summary>
    public async Task<IReadOnlyList<FieldError>> CheckNewUserAsync(string? email, string? displayName, string? password)
    {
        var errors = new List<FieldError>();
        var address = email?.Trim() ?? "";
        if (address.Length == 0)
        {
            errors.Add(new FieldError(AccountFields.Email, "Enter an email address"));
        }
        else if (address.Length > EmailMaxLength)
        {
            errors.Add(new FieldError(AccountFields.Email, $"Email address must be {EmailMaxLength} characters or fewer"));
        }
        else if (!IsEmailAddress(address))
        {
            errors.Add(new FieldError(AccountFields.Email, "Enter an email address in the correct format, like name@example.nhs.uk"));
        }
        else if (identityOptions.Value.User.AllowedUserNameCharacters is { Length: > 0 } allowed && address.Any(c => !allowed.Contains(c)))
        {
            errors.Add(new FieldError(AccountFields.Email, "Email address must only include letters, numbers and the symbols @ . - _ +"));
        }

        var name = displayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new FieldError(AccountFields.DisplayName, "Enter the user's name"));
        }
        else if (name.Length > TransitionTrackerUser.DisplayNameMaxLength)
        {
            errors.Add(new FieldError(AccountFields.DisplayName, $"Name must be {TransitionTrackerUser.DisplayNameMaxLength} characters or fewer"));
        }
        else if (PlainText.HasForbiddenCharacter(name))
        {
            errors.Add(new FieldError(AccountFields.DisplayName, PlainText.ForbiddenMessage("Name")));
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new FieldError(AccountFields.Password, "Enter a password"));
        }
        else if (password.Length > PasswordMaxLength)
        {
            errors.Add(new FieldError(AccountFields.Password, $"Password must be {PasswordMaxLength} characters or fewer"));
        }
        else
        {
            var failures = new List<IdentityError>();
            var candidate = new TransitionTrackerUser { UserName = address, Email = address, DisplayName = name };
            foreach (var validator in userManager.PasswordValidators)
            {
                failures.AddRange((await validator.ValidateAsync(userManager, candidate, password)).Errors);
            }

            errors.AddRange(PasswordErrors(failures));
        }

        return errors;
    }

    /// <summary>A user with no roles: they can sign in but see nothing until given one.</summary>
    public Task<CreateUserResult> CreateAsync(string? email, string? displayName, string? password, CancellationToken cancellationToken) =>
        CreateAsync(email, displayName, password, role: null, cancellationToken);

    public Task<CreateUserResult> CreateAdministratorAsync(string? email, string? displayName, string? password, CancellationToken cancellationToken) =>
        CreateAsync(email, displayName, password, Role.Administrator, cancellationToken);

    public async Task<IReadOnlyList<FieldError>> AssignRoleAsync(string userId, string? roleName, string? scopeCode, CancellationToken cancellationToken)
    {
        var role = Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(r => r.ToString() == roleName);
        var scopeText = scopeCode?.Trim() ?? "";
        if (role is null)
        {
            return [new FieldError(AccountFields.Role, "Select a role")];
        }

        string? scope = null;
        if (role.Value.ScopeKind() is { } kind)
        {
            if (scopeText.Length == 0)
            {
                return [new FieldError(AccountFields.ScopeCode, MissingScope(role.Value))];
            }

            scope = OrganisationCode.TryNormalise(scopeText);
            if (scope is null)
            {
                return [new FieldError(AccountFields.ScopeCode, $"Enter a {kind} code using only letters and numbers, like {ExampleCode(role.Value)}")];
            }

            if (!await ScopeExistsAsync(role.Value, scope, cancellationToken))
            {
                return [new FieldError(AccountFields.ScopeCode, $"There is no {kind} with the code {scope}")];
            }
        }
        else if (scopeText.Length > 0)
        {
            return [new FieldError(AccountFields.ScopeCode, $"Leave the code empty: {WithArticle(role.Value)} covers the whole country")];
        }

        if (await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == role.Value && a.ScopeCode == scope, cancellationToken))
        {
            var what = scope is null ? WithArticle(role.Value) : $"{WithArticle(role.Value)} for {scope}";
            return [new FieldError(AccountFields.Role, $"This user is already {what}")];
        }

        db.RoleAssignments.Add(new RoleAssignment(userId, role.Value, scope));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <param name="actingUserId">The administrator making the change, who may not remove their own administrator role.</param>
    public async Task<IReadOnlyList<FieldError>> RemoveAssignmentAsync(string userId, int assignmentId, string actingUserId, CancellationToken cancellationToken)
    {
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.UserId == userId, cancellationToken);
        if (assignment is null)
        {
            return [new FieldError(AccountFields.Assignments, "That role has already been removed")];
        }

        if (assignment.Role == Role.Administrator && userId == actingUserId)
        {
            return [new FieldError(AccountFields.Assignments, "You cannot remove your own administrator role. Ask another administrator")];
        }

        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// Refuses the user from their next request on (the current-user middleware checks every request) and changes
    /// their security stamp, so nothing issued before keeps working if they are enabled again.
    /// </summary>
    /// <param name="actingUserId">The administrator making the change, who may not disable themselves.</param>
    public async Task<IReadOnlyList<FieldError>> DisableAsync(string userId, string actingUserId)
    {
        if (userId == actingUserId)
        {
            return [new FieldError(AccountFields.Status, "You cannot disable your own account. Ask another administrator")];
        }

        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return [new FieldError(AccountFields.Status, "This user no longer exists")];
        }

        if (user.IsDisabled)
        {
            return [];
        }

        user.IsDisabled = true;
        return StatusErrors(await userManager.UpdateSecurityStampAsync(user));
    }

    public async Task<IReadOnlyList<FieldError>> EnableAsync(string userId)
    {
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return [new FieldError(AccountFields.Status, "This user no longer exists")];
        }

        if (!user.IsDisabled)
        {
            return [];
        }

        user.IsDisabled = false;
        return StatusErrors(await userManager.UpdateAsync(user));
    }

    private async Task<CreateUserResult> CreateAsync(string? email, string? displayName, string? password, Role? role, CancellationToken cancellationToken)
    {
        var errors = (await CheckNewUserAsync(email, displayName, password)).ToList();
        var address = email?.Trim() ?? "";
        if (errors.All(e => e.FieldId != AccountFields.Email) && await userManager.FindByEmailAsync(address) is not null)
        {
            errors.Insert(0, new FieldError(AccountFields.Email, $"A user with the email address {address} already exists"));
        }

        if (errors.Count > 0)
        {
            return new CreateUserResult(null, errors);
        }

        var user = new TransitionTrackerUser
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            DisplayName = displayName!.Trim(),
        };

        // The user and their first role are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await userManager.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            return new CreateUserResult(null, created.Errors.Select(ToFieldError).ToList());
        }

        if (role is { } first)
        {
            db.RoleAssignments.Add(new RoleAssignment(user.Id, first, null));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CreateUserResult(user.Id, []);
    }

    private Task<bool> ScopeExistsAsync(Role role, string code, CancellationToken cancellationToken) => role switch
    {
        Role.PctManager => db.Pcts.AnyAsync(p => p.Code == code, cancellationToken),
        Role.ConsortiumLead => db.Consortia.AnyAsync(c => c.Code == code, cancellationToken),
        Role.RegionalLead => db.Regions.AnyAsync(r => r.Code == code, cancellationToken),
        _ => Task.FromResult(false),
    };

    // Identity reports a short password with its own wording; this app's message names the length.
    private IEnumerable<FieldError> PasswordErrors(List<IdentityError> failures) =>
        failures.Select(f => new FieldError(AccountFields.Password, f.Code == nameof(IdentityErrorDescriber.PasswordTooShort)
            ? $"Password must be {PasswordRules.RequiredLength} characters or more"
            : f.Description));

    private static List<FieldError> StatusErrors(IdentityResult result) =>
        result.Errors.Select(e => new FieldError(AccountFields.Status, e.Description)).ToList();

    private FieldError ToFieldError(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            new FieldError(AccountFields.Email, "A user with this email address already exists"),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            new FieldError(AccountFields.Email, "Enter an email address in the correct format, like name@example.nhs.uk"),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => PasswordErrors([error]).First(),
        _ => new FieldError(AccountFields.Email, error.Description),
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
