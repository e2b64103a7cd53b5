using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Text;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Tests.Editing;

/// <summary>
/// Reading what a person typed: values come back trimmed, and every problem is added to one list as a
/// <see cref="FieldProblem"/> keyed by the input's name, worded as the NHS design system words it, a date's naming
/// the parts that are wrong.
/// </summary>
public sealed class InputValuesTests
{
    [Fact]
    public void Text_comes_back_trimmed_with_a_text_areas_line_breaks_counted_as_one_character()
    {
        var problems = new List<FieldProblem>();

        var trimmed = InputValues.Text("  Estates management \r\n", 100, "name", "Function", "Enter the function", problems);
        var twoLines = InputValues.Text("Line one\r\nLine two", 17, "notes", "Notes", "Enter the notes", problems);

        Assert.Equal("Estates management", trimmed);
        Assert.Equal("Line one\nLine two", twoLines);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void Text_left_blank_is_the_missing_message_for_that_input(string? value)
    {
        var problems = new List<FieldProblem>();

        Assert.Equal("", InputValues.Text(value, 100, "name", "Function", "Enter the function", problems));

        Assert.Equal([new FieldProblem("name", "Enter the function")], problems);
    }

    [Fact]
    public void Text_too_long_names_the_limit_and_text_with_a_control_character_is_refused()
    {
        var problems = new List<FieldProblem>();

        InputValues.Text(new string('x', 1001), 1000, "name", "Function", "Enter the function", problems);
        InputValues.Text("Estates\u202Emanagement", 100, "receiving-body", "Receiving body", "Enter the receiving body", problems);

        Assert.Equal(
            [
                new FieldProblem("name", "Function must be 1,000 characters or fewer"),
                new FieldProblem("receiving-body", PlainText.ForbiddenMessage("Receiving body")),
            ],
            problems);
    }

    [Fact]
    public void A_choice_is_one_of_the_enums_names_exactly()
    {
        var problems = new List<FieldProblem>();

        var chosen = InputValues.Choice<FunctionStatus>("InProgress", "status", "Select the status", problems);

        Assert.Equal(FunctionStatus.InProgress, chosen);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("inprogress")]
    [InlineData("Abandoned")]
    public void A_choice_that_is_missing_a_number_or_not_a_name_is_refused(string? value)
    {
        var problems = new List<FieldProblem>();

        Assert.Null(InputValues.Choice<FunctionStatus>(value, "status", "Select the status", problems));

        Assert.Equal([new FieldProblem("status", "Select the status")], problems);
    }

    [Theory]
    [InlineData("14", 14)]
    [InlineData(" 14 ", 14)]
    [InlineData("1,500", 1500)]
    [InlineData("0", 0)]
    [InlineData("10,000", 10000)]
    public void A_whole_number_may_have_thousands_separators(string value, int expected)
    {
        var problems = new List<FieldProblem>();

        Assert.Equal(expected, InputValues.WholeNumber(value, 0, 10000, "headcount", "Headcount", problems));

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(null, "Enter the headcount")]
    [InlineData("  ", "Enter the headcount")]
    [InlineData("twelve", "Headcount must be a whole number")]
    [InlineData("1.5", "Headcount must be a whole number")]
    [InlineData("10,001", "Headcount must be between 0 and 10,000")]
    public void A_whole_number_that_is_missing_not_whole_or_out_of_range_is_refused(string? value, string message)
    {
        var problems = new List<FieldProblem>();

        Assert.Null(InputValues.WholeNumber(value, 0, 10000, "headcount", "Headcount", problems));

        Assert.Equal([new FieldProblem("headcount", message)], problems);
    }

    [Theory]
    [InlineData("1", "4", "2013", 2013, 4, 1)]
    [InlineData(" 1 ", "04", "2013 ", 2013, 4, 1)]
    [InlineData("29", "2", "2012", 2012, 2, 29)]
    public void A_date_is_read_from_its_three_parts(string day, string month, string year, int y, int m, int d)
    {
        var problems = new List<FieldProblem>();

        Assert.True(InputValues.TryReadDate("target-date", "Target date", day, month, year, required: true, latest: null, problems, out var date));

        Assert.Equal(new DateOnly(y, m, d), date);
        Assert.Empty(problems);
    }

    [Fact]
    public void An_optional_date_left_blank_is_no_date_and_a_required_one_is_a_problem_naming_every_part()
    {
        var problems = new List<FieldProblem>();

        Assert.True(InputValues.TryReadDate("target-date", "Target date", "", " ", null, required: false, latest: null, problems, out var optional));
        Assert.Null(optional);
        Assert.Empty(problems);

        Assert.False(InputValues.TryReadDate("declared-date", "Date declared", null, null, null, required: true, latest: null, problems, out var required));
        Assert.Null(required);
        var problem = Assert.Single(problems);
        Assert.Equal(("declared-date", "Enter the date declared"), (problem.Field, problem.Message));
        Assert.Equal([DatePart.Day, DatePart.Month, DatePart.Year], problem.Parts!);
    }

    [Theory]
    [InlineData("", "4", "2013", "Target date must include a day", "day")]
    [InlineData("1", "", "", "Target date must include a month and year", "month,year")]
    [InlineData("", "4", "", "Target date must include a day and year", "day,year")]
    [InlineData("1", "April", "2013", "Target date must be a real date", "day,month,year")]
    [InlineData("1", "4", "13", "Target date must include a year with 4 numbers", "year")]
    [InlineData("29", "2", "2011", "Target date must be a real date", "day,month,year")]
    [InlineData("31", "4", "2013", "Target date must be a real date", "day,month,year")]
    [InlineData("0", "4", "2013", "Target date must be a real date", "day,month,year")]
    [InlineData("1", "13", "2013", "Target date must be a real date", "day,month,year")]
    [InlineData("1", "-4", "2013", "Target date must be a real date", "day,month,year")]
    public void A_date_with_a_part_missing_or_wrong_is_a_problem_naming_the_wrong_parts(string day, string month, string year, string message, string parts)
    {
        var problems = new List<FieldProblem>();

        Assert.False(InputValues.TryReadDate("target-date", "Target date", day, month, year, required: false, latest: null, problems, out var date));

        Assert.Null(date);
        var problem = Assert.Single(problems);
        Assert.Equal(("target-date", message), (problem.Field, problem.Message));
        Assert.Equal(parts.Split(','), problem.Parts!);
    }

    [Fact]
    public void A_date_after_the_latest_allowed_is_refused_and_the_latest_itself_is_accepted()
    {
        var today = new DateOnly(2011, 3, 15);
        var problems = new List<FieldProblem>();

        Assert.True(InputValues.TryReadDate("achieved-date", "Date achieved", "15", "3", "2011", required: true, today, problems, out var onTheDay));
        Assert.False(InputValues.TryReadDate("achieved-date", "Date achieved", "16", "3", "2011", required: true, today, problems, out var tomorrow));

        Assert.Equal(today, onTheDay);
        Assert.Null(tomorrow);
        var problem = Assert.Single(problems);
        Assert.Equal(("achieved-date", "Date achieved must be today or in the past"), (problem.Field, problem.Message));
        Assert.Equal([DatePart.Day, DatePart.Month, DatePart.Year], problem.Parts!);
    }

    [Fact]
    public void Every_problem_of_an_edit_is_kept_in_order_each_keyed_by_its_inputs_name()
    {
        var problems = new List<FieldProblem>();

        InputValues.Text("", 100, "function", "Function", "Enter the function", problems);
        InputValues.WholeNumber("many", 0, 10000, "headcount", "Headcount", problems);
        InputValues.Choice<FunctionStatus>(null, "status", "Select the status", problems);
        InputValues.TryReadDate("target-date", "Target date", "31", "2", "2012", required: true, latest: null, problems, out _);

        Assert.Equal(["function", "headcount", "status", "target-date"], problems.Select(p => p.Field));
        Assert.All(problems.Take(3), p => Assert.Null(p.Parts));
    }

    [Fact]
    public void A_stored_date_is_shown_in_three_boxes_without_leading_zeros()
    {
        Assert.Equal(("1", "4", "2013"), InputValues.Boxes(new DateOnly(2013, 4, 1)));
        Assert.Equal(((string?)null, (string?)null, (string?)null), InputValues.Boxes(null));
    }
}
