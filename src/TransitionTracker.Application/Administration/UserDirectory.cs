using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Application.Administration;

/// <summary>
/// Reads users and their roles for the administrator pages, with each role's scope named in words. Administrators
/// only: anyone else gets null, as for a page or user that does not exist.
/// </summary>
public sealed class UserDirectory(DbContexts contexts)
{
    public const int PageSize = 50;

    /// <summary>
    /// One page of the users that match <paramref name="query"/>, searched, filtered, sorted and paged in the database;
    /// null when there is no such page.
    /// </summary>
    public Task<UserListing?> ListAsync(ActingUser? user, UserListQuery query, CancellationToken cancellationToken) =>
        ListAsync(user, query, allRows: false, cancellationToken);

    /// <summary>
    /// The user list as a file for administrators (docs/architecture.md, "Exports"): every user it finds with the
    /// search, role, status and sort of the address (not only one page), with the columns it shows. Values that cannot
    /// be used refuse the export with a note each; null for anyone but an administrator.
    /// </summary>
    public async Task<ExportOutcome?> ExportAsync(
        ActingUser? user, string? search, string? role, string? status, string? sort, string? dir, ExportFormat format, CancellationToken cancellationToken)
    {
        var (query, notes) = UserListQuery.Parse(search, role, status, sort, dir);
        if (await ListAsync(user, query, allRows: true, cancellationToken) is not { } all)
        {
            return null;
        }

        if (notes.Count > 0)
        {
            return ExportOutcome.Refused(notes);
        }

        var table = new ExportTable("Users", ["Email address", "Name", "Roles", "Status"],
            all.Users.Select(u => (IReadOnlyList<object?>)[u.Email, u.DisplayName, u.Assignments.Count == 0 ? "No roles" : string.Join("; ", u.Assignments.Select(a => a.Description)), u.Status.ToString()]).ToList());
        return ExportOutcome.Of(ExportWriter.Write("users", format, table));
    }

    private async Task<UserListing?> ListAsync(ActingUser? user, UserListQuery query, bool allRows, CancellationToken cancellationToken)
    {
        if (user?.Access.IsAdministrator != true)
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        var total = await db.Users.CountAsync(cancellationToken);
        var matching = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Search))
        {
            var search = query.Search.ToUpperInvariant();
            matching = matching.Where(u => u.NormalizedEmail!.Contains(search) || u.DisplayName.ToUpper().Contains(search));
        }

        if (query.Role is { } role)
        {
            matching = matching.Where(u => db.RoleAssignments.Any(a => a.UserId == u.Id && a.Role == role));
        }

        if (query.Status is { } status)
        {
            var disabled = status == UserStatus.Disabled;
            matching = matching.Where(u => u.IsDisabled == disabled);
        }

        var matchCount = query.IsFiltered ? await matching.CountAsync(cancellationToken) : total;
        var pageSize = allRows ? Math.Max(1, matchCount) : PageSize;
        var pageCount = Math.Max(1, (matchCount + pageSize - 1) / pageSize);
        if (query.Page < 1 || query.Page > pageCount)
        {
            return null;
        }

        var ordered = (query.Sort, query.Descending) switch
        {
            ("name", false) => matching.OrderBy(u => u.DisplayName.ToUpper()).ThenBy(u => u.NormalizedEmail),
            ("name", true) => matching.OrderByDescending(u => u.DisplayName.ToUpper()).ThenBy(u => u.NormalizedEmail),
            ("status", false) => matching.OrderBy(u => u.IsDisabled).ThenBy(u => u.NormalizedEmail),
            ("status", true) => matching.OrderByDescending(u => u.IsDisabled).ThenBy(u => u.NormalizedEmail),
            (_, true) => matching.OrderByDescending(u => u.NormalizedEmail),
            _ => matching.OrderBy(u => u.NormalizedEmail),
        };
        var users = await ordered.ThenBy(u => u.Id)
            .Skip((query.Page - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.Revision })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToListAsync(cancellationToken);
        var rolesByUser = (await DescribeAsync(db, assignments, cancellationToken)).ToLookup(a => a.UserId, a => a.Summary);
        var summaries = users
            .Select(u => new UserSummary(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                rolesByUser[u.Id].ToList(),
                StatusOf(u.IsDisabled),
                u.Revision))
            .ToList();
        return new UserListing(summaries, query.Page, pageCount, matchCount, total);
    }

    /// <summary>The user with this id, their roles and their revision (what a change is based on), or null when there is none.</summary>
    public async Task<UserDetail?> GetAsync(ActingUser? user, string id, CancellationToken cancellationToken)
    {
        if (user?.Access.IsAdministrator != true)
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.Revision })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id).ToListAsync(cancellationToken);
        var described = await DescribeAsync(db, assignments, cancellationToken);
        return new UserDetail(
            account.Id,
            account.Email ?? "",
            account.DisplayName,
            StatusOf(account.IsDisabled),
            described.Select(a => a.Summary).ToList(),
            account.Revision);
    }

    public const int ScopeOptionLimit = 20;

    /// <summary>
    /// The organisations of the kind <paramref name="role"/> is scoped to (regions for a regional lead, PCTs for a PCT
    /// manager, consortia for a consortium lead) whose code starts with <paramref name="text"/> or whose name contains
    /// it, ignoring case; exact code first, then by name; at most <see cref="ScopeOptionLimit"/>. Empty text lists the
    /// first by name. Administrators only, and only for a role that has a scope: anything else gets nothing.
    /// </summary>
    public async Task<IReadOnlyList<ScopeOption>> FindScopesAsync(ActingUser? user, Role role, string? text, CancellationToken cancellationToken)
    {
        if (user?.Access.IsAdministrator != true || !role.NeedsScope())
        {
            return [];
        }

        var search = (text ?? "").Trim().ToUpperInvariant();
        if (search.Length > 100)
        {
            search = search[..100];
        }

        await using var db = contexts.OpenForReading();
        var organisations = role switch
        {
            Role.RegionalLead => db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }),
            Role.PctManager => db.Pcts.AsNoTracking().Select(p => new { p.Code, p.Name }),
            _ => db.Consortia.AsNoTracking().Select(c => new { c.Code, c.Name }),
        };
        if (search.Length > 0)
        {
            organisations = organisations.Where(o => o.Code.StartsWith(search) || o.Name.ToUpper().Contains(search));
        }

        var found = await organisations
            .OrderBy(o => o.Code == search ? 0 : 1).ThenBy(o => o.Name).ThenBy(o => o.Code)
            .Take(ScopeOptionLimit)
            .ToListAsync(cancellationToken);
        return found.Select(o => new ScopeOption(o.Code, o.Name)).ToList();
    }

    private static UserStatus StatusOf(bool isDisabled) => isDisabled ? UserStatus.Disabled : UserStatus.Active;

    // Three small look-ups, one per kind of scope, whatever the number of assignments.
    internal static async Task<List<(string UserId, AssignmentSummary Summary)>> DescribeAsync(TransitionTrackerDbContext db, List<RoleAssignment> assignments, CancellationToken cancellationToken)
    {
        var pctCodes = ScopesOf(assignments, Role.PctManager);
        var consortiumCodes = ScopesOf(assignments, Role.ConsortiumLead);
        var regionCodes = ScopesOf(assignments, Role.RegionalLead);
        var pcts = await db.Pcts.AsNoTracking().Where(p => pctCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        var consortia = await db.Consortia.AsNoTracking().Where(c => consortiumCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var regions = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);

        return assignments
            .OrderBy(a => a.Role).ThenBy(a => a.ScopeCode, StringComparer.Ordinal)
            .Select(a =>
            {
                var names = a.Role switch
                {
                    Role.PctManager => pcts,
                    Role.ConsortiumLead => consortia,
                    Role.RegionalLead => regions,
                    _ => null,
                };
                var scope = a.ScopeCode is null ? ""
                    : names is not null && names.TryGetValue(a.ScopeCode, out var name) ? $" – {a.ScopeCode} {name}"
                    : $" – {a.ScopeCode}";
                return (a.UserId, new AssignmentSummary(a.Id, a.Role, a.ScopeCode, a.Role.ToDisplay() + scope));
            })
            .ToList();
    }

    private static List<string> ScopesOf(List<RoleAssignment> assignments, Role role) =>
        assignments.Where(a => a.Role == role && a.ScopeCode is not null).Select(a => a.ScopeCode!).Distinct().ToList();
}
