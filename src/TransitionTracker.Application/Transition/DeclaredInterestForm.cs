using System.Globalization;
using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>What a person typed into the conflicts-of-interest register form, kept as typed.</summary>
public sealed class DeclaredInterestForm
{
    public const string PersonField = "person";
    public const string InterestField = "interest";
    public const string DeclaredDateField = "declared-date";
    public const string ManagementField = "management";

    public string? Person { get; set; }

    public string? Interest { get; set; }

    public string? DeclaredDay { get; set; }

    public string? DeclaredMonth { get; set; }

    public string? DeclaredYear { get; set; }

    public string? Management { get; set; }

    /// <summary>The entry's revision when the form was opened; changing an entry only.</summary>
    public string? Revision { get; set; }

    public static DeclaredInterestForm From(DeclaredInterest interest)
    {
        var (day, month, year) = InputValues.Boxes(interest.DeclaredOn);
        return new DeclaredInterestForm
        {
            Person = interest.Person,
            Interest = interest.Interest,
            DeclaredDay = day,
            DeclaredMonth = month,
            DeclaredYear = year,
            Management = interest.Management,
            Revision = interest.Revision.ToString(CultureInfo.InvariantCulture),
        };
    }
}
