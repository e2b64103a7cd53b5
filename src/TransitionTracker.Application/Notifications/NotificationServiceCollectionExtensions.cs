using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TransitionTracker.Application.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Reminders, the notification centre and the e-mail digest (docs/architecture.md, "Reminders and notifications").</summary>
    public static IServiceCollection AddTransitionTrackerNotifications(this IServiceCollection services)
    {
        services.AddScoped<Reminders>();
        services.AddScoped<NotificationCentre>();
        services.AddScoped<Digests>();
        services.AddOptions<EmailOptions>();

        // Sent through SMTP when Email:Smtp:Host is set when the mail goes, else logged (docs/operations.md, "E-mail").
        services.TryAddSingleton<IMailSender>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.Smtp.IsConfigured
                ? ActivatorUtilities.CreateInstance<SmtpMailSender>(sp)
                : ActivatorUtilities.CreateInstance<LoggedMailSender>(sp));
        return services;
    }

    /// <summary>Binds <see cref="EmailOptions"/> to the <c>Email</c> section of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddTransitionTrackerEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.SectionName));
        return services;
    }
}
