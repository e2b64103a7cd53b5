using System.Globalization;

namespace TransitionTracker.Application.Transition;

/// <summary>How the plan's and the register's forms carry a record's revision and how the audit trail keys a record.</summary>
internal static class FormRevision
{
    /// <summary>The revision a form was opened at (a hidden field), or null when it does not carry one.</summary>
    public static int? Parse(string? typed) =>
        int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    /// <summary>A record's id as the audit trail keys it.</summary>
    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
