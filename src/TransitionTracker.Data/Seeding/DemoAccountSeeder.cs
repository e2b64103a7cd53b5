using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Identity;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// Demo sign-ins, created with the demo data only: admin@demo.test, national@demo.test, regional.&lt;sha&gt;@demo.test,
/// pct.&lt;pct&gt;@demo.test and lead.&lt;consortium&gt;@demo.test (codes lower-case), all with one password.
/// </summary>
public sealed class DemoAccountSeeder(TransitionTrackerDbContext db, ILogger<DemoAccountSeeder> logger)
{
    public const string DefaultPassword = "Transition-2010";
    public const string Domain = "demo.test";

    public static string Administrator => $"admin@{Domain}";

    public static string National => $"national@{Domain}";

    public static string Regional(string shaCode) => $"regional.{shaCode.ToLowerInvariant()}@{Domain}";

    public static string PctManager(string pctCode) => $"pct.{pctCode.ToLowerInvariant()}@{Domain}";

    public static string ConsortiumLead(string consortiumCode) => $"lead.{consortiumCode.ToLowerInvariant()}@{Domain}";

    public async Task SeedAsync(string password, CancellationToken cancellationToken)
    {
        var wanted = new List<(string Email, string Name, Role Role, string? Scope)>
        {
            (Administrator, "Demo administrator", Role.Administrator, null),
            (National, "Demo national viewer", Role.NationalViewer, null),
        };
        wanted.AddRange((await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken))
            .Select(r => (Regional(r.Code), $"Regional lead, {r.Name}", Role.RegionalLead, (string?)r.Code)));
        wanted.AddRange((await db.Pcts.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken))
            .Select(p => (PctManager(p.Code), $"PCT manager, {p.Name}", Role.PctManager, (string?)p.Code)));
        wanted.AddRange((await db.Consortia.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken))
            .Select(c => (ConsortiumLead(c.Code), $"Lead, {c.Name}", Role.ConsortiumLead, (string?)c.Code)));

        var existing = await db.Users.Select(u => u.NormalizedEmail).ToHashSetAsync(cancellationToken);
        var missing = wanted.Where(w => !existing.Contains(Normalise(w.Email))).ToList();
        if (missing.Count == 0)
        {
            logger.LogInformation("Demo accounts present: {Count}", wanted.Count);
            return;
        }

        // One hash for every demo account: hashing is deliberately slow, and they share one password anyway.
        var hash = new PasswordHasher<TransitionTrackerUser>().HashPassword(new TransitionTrackerUser(), password);
        await using var transaction = await SeedingTransaction.BeginOrJoinAsync(db, cancellationToken);
        db.AuditingEnabled = false;
        try
        {
            foreach (var (email, name, role, scope) in missing)
            {
                var user = new TransitionTrackerUser
                {
                    UserName = email,
                    NormalizedUserName = Normalise(email),
                    Email = email,
                    NormalizedEmail = Normalise(email),
                    EmailConfirmed = true,
                    DisplayName = name,
                    PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    LockoutEnabled = true,
                };
                db.Users.Add(user);
                db.RoleAssignments.Add(new RoleAssignment(user.Id, role, scope));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.AuditingEnabled = true;
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Seeding demo data: {New} of {Total} demo accounts added", missing.Count, wanted.Count);
    }

    private static string Normalise(string email) => email.ToUpperInvariant();
}
