// Logs the execution segment options the run consolidated.
import exec from "k6/execution";

export default function () {
  const o = exec.test.options;
  console.log(`segment ${JSON.stringify([o.executionSegment, o.executionSegmentSequence])}`);
}
