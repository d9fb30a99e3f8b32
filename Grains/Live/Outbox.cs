namespace Collab.Grains.Live;

/// <summary>
/// What a grain owes other grains, each delivery read from the grain's own durable state, so that whichever activation
/// the reminder wakes knows what is still to send. A delivery is idempotent at its receiver and recorded as made here
/// only once it is durable there, so sending again after a failure that hid a success changes nothing. No Orleans in it:
/// <see cref="ReminderOutbox"/> decides when it sends.
/// </summary>
public sealed class Outbox(params OutboxDelivery[] deliveries)
{
    public bool Owes => deliveries.Any(delivery => delivery.Owed());

    /// <summary>Makes every delivery still owed, in order; the first failure leaves the rest to the next send.</summary>
    public async Task SendAsync()
    {
        foreach (var delivery in deliveries)
        {
            if (delivery.Owed())
            {
                await delivery.SendAsync();
            }
        }
    }

    /// <summary>
    /// One delivery to many receivers at once: those that took it are recorded in one write, and then the failures of the
    /// others are thrown, so that they alone are sent to again.
    /// </summary>
    public static async Task SendEachAsync(IReadOnlyList<string> receivers, Func<string, Task> send, Func<IReadOnlyList<string>, Task> recordSent)
    {
        var sends = receivers.Select(async receiver =>
        {
            await send(receiver);
            return receiver;
        }).ToList();
        var sent = new List<string>();
        var failures = new List<Exception>();
        foreach (var sending in sends)
        {
            try
            {
                sent.Add(await sending);
            }
            catch (Exception failure)
            {
                failures.Add(failure);
            }
        }
        if (sent.Count > 0)
        {
            await recordSent(sent);
        }
        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of {receivers.Count} receivers did not take the delivery", failures);
        }
    }
}
