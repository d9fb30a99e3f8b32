using System.Text;
using System.Text.Json;
using Collab.Api.CityDirectory;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Api.Tests.CityDirectory;

/// <summary>The import's readers on their own: the JSON one however the body is cut into reads, the CSV one's header and rows.</summary>
public sealed class ImportReaderTests
{
    /// <summary>A body that hands out at most a few bytes per read, as a slow network does, cut where a seeded random says.</summary>
    private sealed class TrickleStream(byte[] bytes, Random random) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, random.Next(1, 17)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, random.Next(1, 17))], cancellationToken);
    }

    private static async Task<List<ImportRow>> ReadJsonAsync(string json, int seed = 1)
    {
        var rows = new List<ImportRow>();
        await foreach (var row in new ImportJsonReader(new TrickleStream(Encoding.UTF8.GetBytes(json), new Random(seed))).ReadAsync())
        {
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<List<ImportRow>> ReadCsvAsync(string kind, string csv)
    {
        var rows = new List<ImportRow>();
        await foreach (var row in new ImportCsvReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), kind).ReadAsync())
        {
            rows.Add(row);
        }
        return rows;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Json_rows_come_out_whole_and_in_order_however_the_body_is_cut(int seed)
    {
        var random = new Random(seed);
        var people = Enumerable.Range(0, 300).Select(i => new ImportPerson($"u{i}", new string('名', random.Next(1, 40)) + i, "teacher", $"S{i % 7}",
            Enumerable.Range(0, random.Next(0, 4)).Select(j => (string?)$"subject{j}").ToList())).ToList();
        var json = JsonSerializer.Serialize(new { schools = new[] { new ImportSchool("S0", "一中", "城关区") }, people, deactivate = new[] { "u3" } }, JsonSerializerOptions.Web);

        var rows = await ReadJsonAsync(json, seed);

        Assert.Equal(302, rows.Count);
        Assert.Equal(new ImportRow(ImportKinds.Schools, 1, new ImportSchool("S0", "一中", "城关区")), rows[0]);
        var read = rows.Skip(1).Take(300).ToList();
        Assert.Equal(Enumerable.Range(1, 300), read.Select(r => r.Row));
        Assert.Equal(people.Select(p => (p.UserId, p.Name, string.Join(";", p.Subjects!))),
            read.Select(r => (ImportPerson)r.Value!).Select(p => (p.UserId, p.Name, string.Join(";", p.Subjects ?? []))));
        Assert.Equal(new ImportRow(ImportKinds.Deactivate, 1, "u3"), rows[^1]);
    }

    [Fact]
    public async Task A_json_row_with_a_field_of_the_wrong_type_is_that_rows_error_and_the_rest_are_read()
    {
        var rows = await ReadJsonAsync("""{"people":[{"userId":"a","name":"甲"},{"userId":7,"name":"乙"},{"userId":"c","name":"丙"}],"deactivate":[{"userId":"x"}]}""");

        Assert.Equal([1, 2, 3], rows.Where(r => r.Kind == ImportKinds.People).Select(r => r.Row));
        Assert.Equal(("userId", null), (rows[1].Field, rows[1].Value));
        Assert.Equal("c", ((ImportPerson)rows[2].Value!).UserId);
        Assert.Equal(("userId", null), (rows[3].Field, rows[3].Value));
    }

    [Theory]
    [InlineData("""[{"userId":"a"}]""")]
    [InlineData("""{"teachers":[]}""")]
    [InlineData("""{"people":{"userId":"a"}}""")]
    [InlineData("""{"people":[],"people":[]}""")]
    [InlineData("""{"people":[{"userId":"a"}""")]
    [InlineData("""{"people":[{"userId":"a"}]} trailing""")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_object_of_row_arrays_is_invalid(string json)
    {
        var error = await Assert.ThrowsAsync<CollabException>(() => ReadJsonAsync(json));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }

    [Fact]
    public async Task A_csv_header_may_come_in_any_order_and_lists_split_on_semicolons()
    {
        var rows = await ReadCsvAsync(ImportKinds.Classes,
            "name,id,grade,schoolCode,studentIds,teacherIds\n\"七年级一班, 实验\",C1,7,S1,s1; s2,t1\nC2only\n");

        Assert.Equal(new ImportClass("C1", "S1", "七年级一班, 实验", "7"), (ImportClass)rows[0].Value! with { TeacherIds = null, StudentIds = null });
        Assert.Equal(["s1", "s2"], ((ImportClass)rows[0].Value!).StudentIds!);
        Assert.Equal(["t1"], ((ImportClass)rows[0].Value!).TeacherIds!);
        Assert.Equal((2, "row", null), (rows[1].Row, rows[1].Field, rows[1].Value));
    }

    [Theory]
    [InlineData("userId,fullName,role,schoolCode\n")]
    [InlineData("userId,name,role\n")]
    [InlineData("userId,name,role,schoolCode,userId\n")]
    [InlineData("")]
    [InlineData("userId,name,role,schoolCode\n\"a,b\"c\",x,teacher,S1\n")]
    public async Task A_wrong_header_or_broken_quoting_is_invalid(string csv)
    {
        var error = await Assert.ThrowsAsync<CollabException>(() => ReadCsvAsync(ImportKinds.People, csv));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }
}
