using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Tests.Directory;

/// <summary>The import's row checks on their own: each refusal names its row and field, good rows pass trimmed, keys are unique per import.</summary>
public sealed class ImportChecksTests
{
    private static readonly HashSet<string> Schools = ["S1"];
    private static readonly HashSet<string> People = ["t1", "s1", "s2"];

    [Theory]
    [InlineData(null, "王芳", "teacher", "S1", "userId")]
    [InlineData("  ", "王芳", "teacher", "S1", "userId")]
    [InlineData("u1", "", "teacher", "S1", "name")]
    [InlineData("u1", "王\u0000芳", "teacher", "S1", "name")]
    [InlineData("u1", "王芳", "principal", "S1", "role")]
    [InlineData("u1", "王芳", null, "S1", "role")]
    [InlineData("u1", "王芳", "teacher", "S9", "schoolCode")]
    [InlineData("u1", "王芳", "teacher", null, "schoolCode")]
    public void A_bad_person_row_is_reported_at_its_field_and_skipped(string? userId, string? name, string? role, string? school, string field)
    {
        var (valid, errors) = new ImportChecks().People(7, [new ImportPerson(userId, name, role, school)], Schools);

        Assert.Empty(valid);
        var error = Assert.Single(errors);
        Assert.Equal((ImportKinds.People, 7, field), (error.Kind, error.Row, error.Field));
    }

    [Fact]
    public void Good_rows_are_trimmed_and_a_key_seen_in_an_earlier_batch_of_the_same_import_is_refused()
    {
        var checks = new ImportChecks();
        var (first, _) = checks.People(1, [new ImportPerson(" u1 ", " 王芳 ", "teacher", "S1", [" math ", "physics"])], Schools);
        Assert.Equal(new ValidPerson("u1", "王芳", "teacher", "S1", "math,physics"), Assert.Single(first));

        var (second, errors) = checks.People(501, [new ImportPerson("u2", "李娜", "teacher", "S1"), new ImportPerson("u1", "又一个", "teacher", "S1")], Schools);

        Assert.Equal(["u2"], second.Select(p => p.UserId));
        Assert.Equal((502, "userId"), (Assert.Single(errors).Row, errors[0].Field));
        Assert.Single(new ImportChecks().People(1, [new ImportPerson("u1", "王芳", "teacher", "S1")], Schools).Valid);
    }

    [Fact]
    public void A_row_refused_for_another_field_does_not_hold_its_key()
    {
        var checks = new ImportChecks();
        checks.People(1, [new ImportPerson("u1", "王芳", "principal", "S1")], Schools);

        Assert.Single(checks.People(2, [new ImportPerson("u1", "王芳", "teacher", "S1")], Schools).Valid);
    }

    [Fact]
    public void A_class_names_known_people_only_and_its_repeated_members_count_once()
    {
        var checks = new ImportChecks();
        var (valid, errors) = checks.Classes(1,
        [
            new ImportClass("C1", "S1", "七年级一班", "7", ["t1"], ["s1", "s2", "s1"]),
            new ImportClass("C2", "S1", "七年级二班", "7", ["t1"], ["ghost"]),
            new ImportClass("C3", "S9", "七年级三班", "7"),
            new ImportClass("C1", "S1", "重复", "7"),
        ], Schools, People);

        Assert.Equal(new[] { "s1", "s2" }, Assert.Single(valid).StudentIds);
        Assert.Equal([(2, "studentIds"), (3, "schoolCode"), (4, "id")], errors.Select(e => (e.Row, e.Field)));
    }

    [Fact]
    public void A_class_over_the_member_limit_and_a_subject_with_a_comma_are_refused()
    {
        var many = Enumerable.Range(0, ImportChecks.MaxClassMembers + 1).Select(i => (string?)$"p{i}").ToList();
        var known = many.Select(id => id!).ToHashSet();
        var (valid, errors) = new ImportChecks().Classes(1, [new ImportClass("C1", "S1", "大班", "7", [], many)], Schools, known);
        Assert.Empty(valid);
        Assert.Equal("studentIds", Assert.Single(errors).Field);

        var (people, refused) = new ImportChecks().People(1, [new ImportPerson("u1", "王芳", "teacher", "S1", ["math,physics"])], Schools);
        Assert.Empty(people);
        Assert.Equal("subjects", Assert.Single(refused).Field);
    }

    [Fact]
    public void Deactivation_names_people_of_the_directory_once_each()
    {
        var (valid, errors) = new ImportChecks().Deactivate(1, ["t1", "nobody", "t1", null], People);

        Assert.Equal(["t1"], valid);
        Assert.Equal([(2, "userId"), (3, "userId"), (4, "userId")], errors.Select(e => (e.Row, e.Field)));
    }

    [Theory]
    [InlineData(" 王芳 ", "s-1", "王芳", "s-1")]
    [InlineData(null, "s-1", null, "s-1")]
    [InlineData("王芳", null, "王芳", null)]
    [InlineData("   ", "  ", null, null)]
    [InlineData("王\u0007芳", "s\u00001", null, null)]
    public void Sign_in_claims_that_would_fail_an_import_row_are_left_out(string? name, string? school, string? takenName, string? takenSchool)
    {
        var taken = ImportChecks.SignInClaims(Unescape(name), Unescape(school));
        Assert.Equal((takenName, takenSchool), taken);
    }

    [Fact]
    public void Sign_in_claims_longer_than_an_import_allows_are_left_out()
    {
        var taken = ImportChecks.SignInClaims(new string('名', ImportChecks.MaxNameLength + 1), new string('s', ImportChecks.MaxIdLength + 1));
        Assert.Equal((null, null), taken);
        Assert.Equal(ImportChecks.MaxNameLength, ImportChecks.SignInClaims(new string('名', ImportChecks.MaxNameLength), null).Name!.Length);
    }

    private static string? Unescape(string? value) => value is null ? null : System.Text.RegularExpressions.Regex.Unescape(value);
}
