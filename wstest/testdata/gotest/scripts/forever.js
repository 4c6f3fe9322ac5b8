// Never ends by itself: it waits on a long timer.
export default function () {
  console.log("started");
  setTimeout(() => {}, 60000);
}
