/** Vite's inline Worker import (`?worker&inline`): a constructor of a Worker whose code is part of the build. */
declare module "*?worker&inline" {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
