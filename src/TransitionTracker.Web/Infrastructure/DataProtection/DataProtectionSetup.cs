using Microsoft.AspNetCore.DataProtection;
using TransitionTracker.Data;

namespace TransitionTracker.Web.Infrastructure.DataProtection;

/// <summary>
/// Data protection (the keys behind the sign-in cookie, antiforgery tokens and bearer tokens) shared by every
/// instance: one application name, and keys in the database (the framework's store over the app's DbContext, table
/// DataProtectionKeys), or in the folder `DataProtection:KeysPath` when set.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "TransitionTracker";
    public const string KeysPathSetting = "DataProtection:KeysPath";

    public static IServiceCollection AddTransitionTrackerDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var keysPath = configuration[KeysPathSetting];
        if (!string.IsNullOrWhiteSpace(keysPath))
        {
            dataProtection.PersistKeysToFileSystem(Directory.CreateDirectory(keysPath));
        }
        else
        {
            // The provider's context is registered as this base type (DataServiceCollectionExtensions).
            dataProtection.PersistKeysToDbContext<TransitionTrackerDbContext>();
        }

        services.AddHostedService<FirstKeyCreation>();
        return services;
    }
}
