/**
 * CloudWatch metrics of a digest run in the embedded metric format (Powertools Metrics writes
 * them to the log; no PutMetricData call, no extra permission). Names match infra's alarms.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { RunResult } from '#run-digest';

export function createRunMetrics(): Metrics {
  return new Metrics({ namespace: 'Briefing', serviceName: 'briefing-digest' });
}

export function emitRunMetrics(metrics: Metrics, result: RunResult): void {
  const { stats } = result.edition;
  metrics.addMetric('ItemsSeen', MetricUnit.Count, stats.itemsSeen);
  metrics.addMetric('ItemsRelevant', MetricUnit.Count, stats.itemsRelevant);
  metrics.addMetric('Stories', MetricUnit.Count, stats.stories);
  metrics.addMetric('SourcesFailed', MetricUnit.Count, stats.sourcesFailed ?? 0);
  metrics.addMetric('DurationMs', MetricUnit.Milliseconds, stats.durationMs);
  if (result.published) metrics.addMetric('EditionsPublished', MetricUnit.Count, 1);
  if (result.delivery) {
    metrics.addMetric('MailsSent', MetricUnit.Count, result.delivery.sent);
    metrics.addMetric('MailsFailed', MetricUnit.Count, result.delivery.failed);
  }
  if (result.sourceHealth) {
    metrics.addMetric(
      'MaxConsecutiveSourceFailureDays',
      MetricUnit.Count,
      result.sourceHealth.maxConsecutiveFailureDays,
    );
  }
  metrics.publishStoredMetrics();
}
