using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Reminders, the notification centre and the e-mail digest (docs/architecture.md, "Reminders and notifications").</summary>
    public static IServiceCollection AddTransitionTrackerNotifications(this IServiceCollection services)
    {
        services.AddScoped<Reminders>();
        services.AddScoped<NotificationCentre>();
        return services;
    }
}
