/** The writer's refusal: writing would drop or change something the product does not own. Nothing is written. */
export class WriteRefusal extends Error {
  override readonly name = "WriteRefusal";
}
