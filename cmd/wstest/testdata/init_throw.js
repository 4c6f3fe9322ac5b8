throw new Error("probe init error");
export default function () {}
