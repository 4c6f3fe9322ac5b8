export const options = { iterations: 1 };

export default function () {
  console.log(`url=${__ENV.WSTEST_URL} wss=${__ENV.WSTEST_WSS_URL} extra=${__ENV.EXTRA}`);
}
