using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Preferences;

public static class PreferenceServiceCollectionExtensions
{
    /// <summary>A user's own preferences: light or dark pages, and how often to be e-mailed notifications.</summary>
    public static IServiceCollection AddTransitionTrackerPreferences(this IServiceCollection services) =>
        services.AddScoped<DisplayPreferences>().AddScoped<DigestPreferences>();
}
