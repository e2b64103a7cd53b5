using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Infrastructure.DataProtection;

/// <summary>
/// Data-protection keys (behind sign-in cookies, antiforgery and bearer tokens) live in the app's database, on the
/// test run's provider: an instance started later reads what an earlier one protected, and key material never
/// reaches the audit trail that administrators read.
/// </summary>
public sealed class DataProtectionKeyStoreTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabases.NewCopy();

    [Fact]
    public void A_key_made_by_one_instance_is_in_the_database_and_an_instance_started_later_reads_what_it_protected()
    {
        string protectedText;
        Guid keyId;
        using (var first = new KestrelInstance(KestrelInstance.For(_database)).Start())
        {
            var now = DateTimeOffset.UtcNow;
            keyId = first.Services.GetRequiredService<IKeyManager>().CreateNewKey(now.AddMinutes(-1), now.AddDays(90)).KeyId;
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept across instances");
        }

        using var later = new KestrelInstance(KestrelInstance.For(_database)).Start();

        Assert.Contains(later.Services.GetRequiredService<IKeyManager>().GetAllKeys(), k => k.KeyId == keyId);
        Assert.Equal("kept across instances", later.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        Assert.Contains(Keys(later), xml => xml!.Contains(keyId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_new_key_is_not_copied_into_the_audit_trail()
    {
        using var app = new KestrelInstance(KestrelInstance.For(_database)).Start();
        var now = DateTimeOffset.UtcNow;

        var key = app.Services.GetRequiredService<IKeyManager>().CreateNewKey(now.AddDays(1), now.AddDays(90));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        Assert.Contains(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(), xml => xml!.Contains(key.KeyId.ToString(), StringComparison.OrdinalIgnoreCase));
        var audited = await db.AuditEntries.Where(a => a.EntityType == "DataProtectionKey" || a.Changes.Contains(key.KeyId.ToString())).CountAsync();
        Assert.Equal(0, audited);
    }

    public void Dispose() => TestDatabases.Delete(_database);

    private static List<string?> Keys(KestrelInstance app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().DataProtectionKeys.Select(k => k.Xml).ToList();
    }
}
